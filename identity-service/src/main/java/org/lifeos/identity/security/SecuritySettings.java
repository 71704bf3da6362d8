package org.lifeos.identity.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the security ledger follows Keycloak. */
@ConfigMapping(prefix = "lifeos.security")
public interface SecuritySettings {

    /**
     * How long a temporary lockout is taken to last when an event says the account is locked but
     * Keycloak cannot be asked (its brute-force settings decide the real length).
     */
    @WithDefault("PT1M")
    Duration assumedLockout();

    /**
     * How often the catch-up from Keycloak's event store runs ({@code off} to never): read by
     * {@link KeycloakEventsReplay}'s schedule.
     */
    @WithDefault("5m")
    String catchUpEvery();
}
