package org.lifeos.identity.privacy;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Account deletion: who takes part, and how often Keycloak's part is retried. */
@ConfigMapping(prefix = "lifeos.privacy")
public interface PrivacySettings {

    /** The services that hold personal data and answer an erasure; each must confirm its part. */
    List<String> participants();

    /** How often Keycloak's part of a deletion is retried while Keycloak is down: read by {@link KeycloakErasure}'s schedule. */
    @WithDefault("30s")
    String keycloakRetry();

    /**
     * The platform's erasure consumer's own settings ({@code enabled}, {@code shared-tables}), read
     * by the platform: named here only because they share this prefix, so that no key under it is unknown.
     */
    Map<String, String> erasure();
}
