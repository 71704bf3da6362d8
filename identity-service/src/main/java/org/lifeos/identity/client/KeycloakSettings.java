package org.lifeos.identity.client;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How identity-service reaches Keycloak's admin API: as its own confidential client
 * ({@code identity-service}), whose service account the realm grants view/manage-users and
 * view/manage-clients.
 */
@ConfigMapping(prefix = "lifeos.keycloak")
public interface KeycloakSettings {

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:8180}. */
    String url();

    @WithDefault("lifeos")
    String realm();

    @WithDefault("identity-service")
    String clientId();

    String clientSecret();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();
}
