package org.lifeos.identity.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How identity-service reaches Keycloak's admin API: as the identity-service client's service account. */
@ConfigMapping(prefix = "lifeos.keycloak")
public interface KeycloakSettings {

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:8180}. */
    String url();

    @WithDefault("lifeos")
    String realm();

    @WithDefault("identity-service")
    String clientId();

    String clientSecret();

    /** Per call to Keycloak; a slow Keycloak must not hold a consumer or a request for long. */
    @WithDefault("5s")
    Duration timeout();
}
