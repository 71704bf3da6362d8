package org.lifeos.identity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.keycloak.KeycloakEvent;
import org.lifeos.identity.client.KeycloakAdmin.BruteForceStatus;
import org.lifeos.identity.security.KeycloakEventsHandler.Meaning;
import org.lifeos.identity.security.SecurityLedger.State;

/** Keycloak's event types to the seed's security-event types, and how the lockout mirror moves. */
class KeycloakEventMeaningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void keycloakTypesMapToTheSeedTypes() throws Exception {
        assertEquals(Meaning.LOGIN_SUCCESS, KeycloakEventsHandler.meaning("LOGIN", payload("{}")));
        assertEquals(Meaning.LOGIN_FAILED, KeycloakEventsHandler.meaning("LOGIN_ERROR",
                payload("{\"error\":\"invalid_user_credentials\"}")));
        assertEquals(Meaning.LOGOUT, KeycloakEventsHandler.meaning("LOGOUT", payload("{}")));
        assertEquals(Meaning.REFRESH_ROTATED, KeycloakEventsHandler.meaning("REFRESH_TOKEN", payload("{}")));
        assertEquals(Meaning.PASSWORD_CHANGED, KeycloakEventsHandler.meaning("UPDATE_PASSWORD", payload("{}")));
        assertEquals(Meaning.PASSWORD_CHANGED, KeycloakEventsHandler.meaning("UPDATE_CREDENTIAL",
                payload("{\"details\":{\"credential_type\":\"password\"}}")));
        assertEquals(Meaning.NOTHING, KeycloakEventsHandler.meaning("UPDATE_CREDENTIAL",
                payload("{\"details\":{\"credential_type\":\"otp\"}}")));
        assertEquals(Meaning.TEMPORARILY_LOCKED, KeycloakEventsHandler.meaning("USER_DISABLED_BY_TEMPORARY_LOCKOUT",
                payload("{}")));
        assertEquals(Meaning.UNLOCKED, KeycloakEventsHandler.meaning("ADMIN_USER_LOGIN_FAILURE_DELETE", payload("{}")));
        assertEquals(Meaning.PASSWORD_CHANGED, KeycloakEventsHandler.meaning("ADMIN_USER_ACTION",
                payload("{\"resourcePath\":\"users/5b7f3c1e-8a2d-4c6b-9e0f-1a2b3c4d5e6f/reset-password\"}")));
        assertEquals(Meaning.NOTHING, KeycloakEventsHandler.meaning("CODE_TO_TOKEN", payload("{}")));
        // Consents become consent records, not security events.
        assertEquals(Meaning.CONSENT_GRANTED, KeycloakEventsHandler.meaning("GRANT_CONSENT",
                payload("{\"clientId\":\"partner-1\"}")));
        assertEquals(Meaning.CONSENT_REVOKED, KeycloakEventsHandler.meaning("REVOKE_GRANT", payload("{}")));
        for (Meaning meaning : Meaning.values()) {
            if (meaning != Meaning.NOTHING && meaning != Meaning.TEMPORARILY_LOCKED
                    && meaning != Meaning.PERMANENTLY_LOCKED && meaning != Meaning.UNLOCKED
                    && meaning != Meaning.CONSENT_GRANTED && meaning != Meaning.CONSENT_REVOKED) {
                SecurityEventType.valueOf(meaning.name());
            }
        }
    }

    @Test
    void onlyAReusedRefreshTokenIsRecordedAmongRefreshErrors() throws Exception {
        assertEquals(Meaning.REFRESH_TOKEN_REUSE, KeycloakEventsHandler.meaning("REFRESH_TOKEN_ERROR", payload(
                "{\"error\":\"invalid_token\",\"details\":{\"reason\":\"Maximum allowed refresh token reuse exceeded\"}}")));
        assertEquals(Meaning.NOTHING, KeycloakEventsHandler.meaning("REFRESH_TOKEN_ERROR", payload(
                "{\"error\":\"invalid_token\",\"details\":{\"reason\":\"Session not active\"}}")));
    }

    @Test
    void keycloaksBruteForceViewWinsOverTheEventCount() {
        State counted = Lockout.afterFailure(Lockout.afterFailure(State.NONE, NOW), NOW);
        assertEquals(2, counted.failedAttempts());
        assertFalse(counted.locked(NOW));

        State confirmed = Lockout.confirmed(counted,
                new BruteForceStatus(true, 5, NOW.plusSeconds(60), NOW.minusSeconds(1)), NOW);
        assertTrue(confirmed.locked(NOW));
        assertFalse(confirmed.permanentlyLocked());
        assertEquals(5, confirmed.failedAttempts());
        assertEquals(NOW.plusSeconds(60), confirmed.cooldownUntil());
        assertEquals(NOW, confirmed.lockedAt());
        assertFalse(confirmed.locked(NOW.plusSeconds(61)), "a temporary lock ends by itself");

        State permanent = Lockout.confirmed(counted, new BruteForceStatus(true, 20, null, NOW), NOW);
        assertTrue(permanent.permanentlyLocked());
        assertTrue(permanent.locked(NOW.plus(Duration.ofDays(365))));

        State unlocked = Lockout.unlocked(permanent);
        assertFalse(unlocked.locked(NOW));
        assertEquals(0, unlocked.failedAttempts());
        assertEquals(0, Lockout.afterSuccess(counted).failedAttempts());
    }

    @Test
    void withoutKeycloaksAnswerATemporaryLockIsAssumedToLastTheFirstWait() {
        State locked = Lockout.lockedByEvent(State.NONE, false, NOW, Duration.ofMinutes(1));
        assertTrue(locked.locked(NOW.plusSeconds(59)));
        assertFalse(locked.locked(NOW.plusSeconds(61)));
    }

    /** The payload as it arrives on the topic, read into the contract's record. */
    private static KeycloakEvent payload(String json) throws Exception {
        return JSON.readValue(json, KeycloakEvent.class);
    }
}
