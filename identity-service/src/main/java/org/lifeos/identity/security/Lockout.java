package org.lifeos.identity.security;

import java.time.Duration;
import java.time.Instant;

import org.lifeos.identity.client.KeycloakAdmin.BruteForceStatus;
import org.lifeos.identity.security.SecurityLedger.State;

/**
 * How the lockout mirror moves: from what an event says, then corrected by what Keycloak's
 * brute-force endpoint says (Keycloak is the authority; its failure count and lockout end win).
 */
final class Lockout {

    private Lockout() {
    }

    static State afterSuccess(State state) {
        return new State(0, null, false, state.lastFailedAt(), null, state.updatedAt());
    }

    static State afterFailure(State state, Instant at) {
        return new State(state.failedAttempts() + 1, state.cooldownUntil(), state.permanentlyLocked(),
                latest(state.lastFailedAt(), at), state.lockedAt(), state.updatedAt());
    }

    /**
     * Keycloak said the user is locked, but cannot be asked for how long: a permanent lock is
     * permanent; a temporary one is assumed to last {@code assumed} (the realm's first wait).
     */
    static State lockedByEvent(State state, boolean permanent, Instant at, Duration assumed) {
        Instant cooldown = permanent ? state.cooldownUntil() : latest(state.cooldownUntil(), at.plus(assumed));
        return new State(state.failedAttempts(), cooldown, state.permanentlyLocked() || permanent,
                state.lastFailedAt(), state.lockedAt() != null ? state.lockedAt() : at, state.updatedAt());
    }

    static State confirmed(State state, BruteForceStatus keycloak, Instant now) {
        boolean permanent = keycloak.permanentlyLocked(now);
        Instant cooldown = keycloak.cooldownUntil(now).orElse(null);
        boolean locked = permanent || cooldown != null;
        Instant lockedAt = !locked ? null : state.lockedAt() != null && state.locked(now) ? state.lockedAt() : now;
        return new State(keycloak.numFailures(), cooldown, permanent, latest(state.lastFailedAt(), keycloak.lastFailure()),
                lockedAt, state.updatedAt());
    }

    static State unlocked(State state) {
        return new State(0, null, false, state.lastFailedAt(), null, state.updatedAt());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
