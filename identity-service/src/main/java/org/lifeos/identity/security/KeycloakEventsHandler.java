package org.lifeos.identity.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.keycloak.KeycloakEvent;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.consent.ConsentRecords;
import org.lifeos.identity.security.SecurityLedger.State;
import org.lifeos.identity.user.UserProvisioning;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.events.EventHandler;

/**
 * Keycloak's events ({@link KeycloakEvent}, topic {@code keycloak.event}, published by
 * keycloak-extensions' lifeos-kafka listener) become the user's security ledger and keep the lockout mirror. The platform runs each
 * event in one transaction and records its id there, so a redelivered event changes nothing; an
 * event that keeps failing goes to {@code keycloak.event.dlq}.
 *
 * <p>These events belong to a person, not a circle: the transaction runs with app.user_id set to
 * the event's user, and row-level security on security_events and user_account_security_state
 * admits that user's rows only (no policy is widened for the consumer).
 *
 * <p>A user identity-service has not seen yet (Keycloak events can come before the first API
 * call) is provisioned from Keycloak's user record, personal circle included, exactly as a first
 * request would; a user Keycloak no longer has is skipped.
 */
@ApplicationScoped
public class KeycloakEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(KeycloakEventsHandler.class);

    /** What an event means for identity-service. */
    enum Meaning {
        LOGIN_SUCCESS, LOGIN_FAILED, LOGOUT, REFRESH_ROTATED, REFRESH_TOKEN_REUSE, PASSWORD_CHANGED,
        TEMPORARILY_LOCKED, PERMANENTLY_LOCKED, UNLOCKED, CONSENT_GRANTED, CONSENT_REVOKED, NOTHING
    }

    private final SecurityLedger ledger;
    private final KeycloakAdmin keycloak;
    private final UserProvisioning provisioning;
    private final Tenancy tenancy;
    private final EntityManager entityManager;
    private final Duration assumedLockout;
    private final ObjectMapper json;
    private final ConsentRecords consents;

    public KeycloakEventsHandler(SecurityLedger ledger, KeycloakAdmin keycloak, UserProvisioning provisioning,
                                 Tenancy tenancy, EntityManager entityManager, SecuritySettings settings,
                                 ObjectMapper json, ConsentRecords consents) {
        this.consents = consents;
        this.ledger = ledger;
        this.keycloak = keycloak;
        this.provisioning = provisioning;
        this.tenancy = tenancy;
        this.entityManager = entityManager;
        this.assumedLockout = settings.assumedLockout();
        this.json = json;
    }

    @Override
    public String name() {
        return "identity.security-events";
    }

    @Override
    public String topic() {
        return KeycloakEvent.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        KeycloakEvent payload = json.convertValue(event.payload(), KeycloakEvent.class);
        Meaning meaning = meaning(event.type(), payload);
        UUID user = subject(event, payload);
        if (meaning == Meaning.NOTHING || user == null) {
            return;
        }
        Boolean live = live(user);
        if (Boolean.FALSE.equals(live)) {
            LOG.debugf("Keycloak event %s (%s) is about user %s, whose account was deleted; skipped",
                    event.eventId(), event.type(), user);
            return;
        }
        if (live == null && !provisionFromKeycloak(user)) {
            LOG.infof("Keycloak event %s (%s) is about user %s, whom Keycloak no longer has; skipped",
                    event.eventId(), event.type(), user);
            return;
        }
        tenancy.apply(null, user);
        Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        Map<String, Object> details = details(event, payload);
        switch (meaning) {
            case LOGIN_SUCCESS -> {
                ledger.record(event.eventId(), user, SecurityEventType.LOGIN_SUCCESS, at, details);
                State before = ledger.stateForUpdate(user);
                ledger.saveState(user, Lockout.afterSuccess(before));
            }
            case LOGIN_FAILED -> {
                ledger.record(event.eventId(), user, SecurityEventType.LOGIN_FAILED, at, details);
                State before = ledger.stateForUpdate(user);
                State after = Lockout.afterFailure(before, at);
                if ("user_temporarily_disabled".equals(payload.error())) {
                    after = Lockout.lockedByEvent(after, false, at, assumedLockout);
                }
                mirror(event, user, before, after, details);
            }
            case TEMPORARILY_LOCKED, PERMANENTLY_LOCKED -> {
                State before = ledger.stateForUpdate(user);
                mirror(event, user, before,
                        Lockout.lockedByEvent(before, meaning == Meaning.PERMANENTLY_LOCKED, at, assumedLockout), details);
            }
            case UNLOCKED -> {
                State before = ledger.stateForUpdate(user);
                ledger.saveState(user, Lockout.unlocked(before));
                if (before.locked(Instant.now())) {
                    ledger.record(event.eventId(), user, SecurityEventType.ACCOUNT_UNLOCKED, at, details);
                }
            }
            case LOGOUT -> ledger.record(event.eventId(), user, SecurityEventType.LOGOUT, at, details);
            case REFRESH_ROTATED -> ledger.record(event.eventId(), user, SecurityEventType.REFRESH_ROTATED, at, details);
            case PASSWORD_CHANGED -> ledger.record(event.eventId(), user, SecurityEventType.PASSWORD_CHANGED, at, details);
            case REFRESH_TOKEN_REUSE -> {
                details.put("sessionEnded", endSession(payload.sessionId()));
                ledger.record(event.eventId(), user, SecurityEventType.REFRESH_TOKEN_REUSE, at, details);
            }
            case CONSENT_GRANTED -> recordGrant(user, payload, at);
            case CONSENT_REVOKED -> consents.record(user, ConsentRecords.PARTNER_APP,
                    payload.details().getOrDefault("revoked_client", String.valueOf(payload.clientId())),
                    ConsentRecords.WITHDRAWN, List.of(), "keycloak", payload.ipAddress(), at);
            default -> throw new IllegalStateException("unhandled " + meaning);
        }
        // The consent screen of a sign-in through a partner app: Keycloak's LOGIN event says
        // consent=consent_granted (GRANT_CONSENT comes from the account console's API).
        if (meaning == Meaning.LOGIN_SUCCESS && payload.clientId() != null
                && "consent_granted".equals(payload.details().get("consent"))) {
            recordGrant(user, payload, at);
        }
    }

    /**
     * A consent record of the scopes the user granted the event's app, as Keycloak keeps them now
     * (the event names the app, not the scopes); Keycloak not answering fails the event, which the
     * platform retries.
     */
    private void recordGrant(UUID user, KeycloakEvent payload, Instant at) {
        List<String> scopes = keycloak.consents(user).stream()
                .filter(c -> c.clientId().equals(payload.clientId())).findFirst()
                .map(KeycloakAdmin.Consent::scopes).orElse(List.of());
        consents.record(user, ConsentRecords.PARTNER_APP, payload.clientId(), ConsentRecords.GRANTED, scopes,
                "keycloak", payload.ipAddress(), at);
    }

    /** Keycloak's event type (and error) to what it means here; everything else means nothing. */
    static Meaning meaning(String type, KeycloakEvent payload) {
        if (type == null) {
            return Meaning.NOTHING;
        }
        String error = payload.error();
        return switch (type) {
            case "LOGIN", "IDENTITY_PROVIDER_LOGIN" -> Meaning.LOGIN_SUCCESS;
            case "LOGIN_ERROR" -> Meaning.LOGIN_FAILED;
            case "LOGOUT" -> Meaning.LOGOUT;
            // The consent screen (a first grant, or more scopes) and the account console's revocation:
            // consent records. A revocation through /api/v1/me/consents is an admin call, recorded there.
            case "GRANT_CONSENT", "UPDATE_CONSENT" -> error == null && payload.clientId() != null
                    ? Meaning.CONSENT_GRANTED : Meaning.NOTHING;
            case "REVOKE_GRANT" -> error == null ? Meaning.CONSENT_REVOKED : Meaning.NOTHING;
            case "REFRESH_TOKEN" -> Meaning.REFRESH_ROTATED;
            case "REFRESH_TOKEN_ERROR" -> isReuse(payload) ? Meaning.REFRESH_TOKEN_REUSE : Meaning.NOTHING;
            case "UPDATE_PASSWORD", "RESET_PASSWORD" -> error == null ? Meaning.PASSWORD_CHANGED : Meaning.NOTHING;
            case "UPDATE_CREDENTIAL" -> error == null && "password".equals(payload.details().get("credential_type"))
                    ? Meaning.PASSWORD_CHANGED : Meaning.NOTHING;
            case "USER_DISABLED_BY_TEMPORARY_LOCKOUT" -> Meaning.TEMPORARILY_LOCKED;
            case "USER_DISABLED_BY_PERMANENT_LOCKOUT" -> Meaning.PERMANENTLY_LOCKED;
            // An administrator (or identity-service's operator endpoint) cleared the user's login failures.
            case "ADMIN_USER_LOGIN_FAILURE_DELETE" -> error == null ? Meaning.UNLOCKED : Meaning.NOTHING;
            // An administrator set a new password.
            case "ADMIN_USER_ACTION" -> error == null && String.valueOf(payload.resourcePath()).endsWith("/reset-password")
                    ? Meaning.PASSWORD_CHANGED : Meaning.NOTHING;
            default -> Meaning.NOTHING;
        };
    }

    /** Keycloak refuses a rotated refresh token presented again with this reason. */
    static boolean isReuse(KeycloakEvent payload) {
        String reason = payload.details().get("reason");
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("reuse");
    }

    /** The user the event is about: the subject of an admin event, else the acting user. */
    static UUID subject(EventEnvelope<?> event, KeycloakEvent payload) {
        String subject = payload.subjectUserId();
        if (subject != null) {
            try {
                return UUID.fromString(subject);
            } catch (IllegalArgumentException e) {
                LOG.debugf("event %s names a subject that is not a user id: %s", event.eventId(), subject);
                return null;
            }
        }
        return payload.byAdmin() ? null : event.actorId();
    }

    /** Keeps the mirror, confirmed by Keycloak when it answers, and records a new lock once. */
    private void mirror(EventEnvelope<JsonNode> event, UUID user, State before, State derived,
                        Map<String, Object> details) {
        Instant now = Instant.now();
        State after = derived;
        boolean confirmed;
        try {
            after = Lockout.confirmed(derived, keycloak.bruteForce(user), now);
            confirmed = true;
        } catch (ProblemException e) { // KeycloakAdmin's 503: Keycloak did not answer
            LOG.warnf("Lockout of %s not confirmed with Keycloak (%s); keeping what the event says", user, e.getMessage());
            confirmed = false;
        }
        ledger.saveState(user, after);
        if (!before.locked(now) && after.locked(now)) {
            Map<String, Object> lock = new LinkedHashMap<>(details);
            lock.put("failedAttempts", after.failedAttempts());
            lock.put("permanent", after.permanentlyLocked());
            lock.put("cooldownUntil", after.cooldownUntil() == null ? null : after.cooldownUntil().toString());
            lock.put("confirmedByKeycloak", confirmed);
            ledger.record(UUID.nameUUIDFromBytes((event.eventId() + ":locked").getBytes(StandardCharsets.UTF_8)),
                    user, SecurityEventType.ACCOUNT_LOCKED, event.occurredAt() == null ? now : event.occurredAt(), lock);
        }
    }

    private boolean endSession(String sessionId) {
        if (sessionId == null) {
            return false;
        }
        try {
            keycloak.endSession(sessionId);
            return true;
        } catch (ProblemException e) { // KeycloakAdmin's 503: Keycloak did not answer
            LOG.warnf("Could not end session %s after refresh-token reuse: %s", sessionId, e.getMessage());
            return false;
        }
    }

    /** True for a user of LifeOS, false for a deleted account (a tombstone), null for one not seen yet. */
    private Boolean live(UUID user) {
        List<?> found = entityManager.createNativeQuery("SELECT deleted_at IS NULL FROM users WHERE id = ?1")
                .setParameter(1, user).getResultList();
        return found.isEmpty() ? null : (Boolean) found.get(0);
    }

    private boolean provisionFromKeycloak(UUID user) {
        Optional<KeycloakAdmin.KeycloakUser> record = keycloak.user(user);
        record.ifPresent(u -> provisioning.provision(new UserProvisioning.Profile(u.id(), u.username(), u.email(),
                u.displayName(), u.zoneinfo())));
        return record.isPresent();
    }

    private static Map<String, Object> details(EventEnvelope<JsonNode> event, KeycloakEvent payload) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keycloakType", event.type());
        put(details, "clientId", payload.clientId());
        put(details, "ipAddress", payload.ipAddress());
        put(details, "sessionId", payload.sessionId());
        put(details, "userAgent", payload.userAgent());
        put(details, "error", payload.error());
        put(details, "reason", payload.details().get("reason"));
        put(details, "grantType", payload.details().get("grant_type"));
        if (payload.byAdmin() && event.actorId() != null) {
            details.put("byAdmin", event.actorId().toString());
        }
        return details;
    }

    private static void put(Map<String, Object> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
