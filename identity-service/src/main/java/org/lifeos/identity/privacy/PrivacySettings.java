package org.lifeos.identity.privacy;

import java.time.Duration;
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
     * How long the request that deleted an account has for its own first try of Keycloak's part
     * before the retry may take the step over (sooner once that try has failed): the two never
     * delete the same Keycloak user at the same time. Longer than a try can take (connect and read
     * timeouts of the partner clients' and the account's deletion).
     */
    @WithDefault("2m")
    Duration keycloakFirstAttemptGrace();

    /**
     * The platform's erasure consumer's own settings ({@code enabled}, {@code shared-tables}), read
     * by the platform: named here only because they share this prefix, so that no key under it is unknown.
     */
    Map<String, String> erasure();
}
