package org.lifeos.identity.security;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.client.KeycloakAdmin.BruteForceStatus;
import org.lifeos.identity.security.SecurityLedger.State;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;

/** The caller's security ledger and lockout state, and the operator's unlock. */
@ApplicationScoped
public class SecurityService {

    private final SecurityLedger ledger;
    private final KeycloakAdmin keycloak;
    private final Tenancy tenancy;
    private final EntityManager entityManager;

    public SecurityService(SecurityLedger ledger, KeycloakAdmin keycloak, Tenancy tenancy, EntityManager entityManager) {
        this.ledger = ledger;
        this.keycloak = keycloak;
        this.tenancy = tenancy;
        this.entityManager = entityManager;
    }

    public record SecurityEventView(UUID id, SecurityEventType type, Instant occurredAt, Map<String, Object> details) {
    }

    public record SecurityStateView(UUID userId, boolean locked, int failedAttempts, Instant cooldownUntil,
                                   boolean permanentlyLocked, Instant lastFailedAt, Instant lockedAt, Instant updatedAt) {

        static SecurityStateView of(UUID user, State state) {
            return new SecurityStateView(user, state.locked(Instant.now()), state.failedAttempts(), state.cooldownUntil(),
                    state.permanentlyLocked(), state.lastFailedAt(), state.lockedAt(), state.updatedAt());
        }
    }

    public record UnlockView(UUID userId, boolean wasLocked, SecurityStateView state) {
    }

    @Transactional
    public List<SecurityEventView> events(UUID user, Keyset keyset) {
        Instant beforeTime = keyset.after() ? keyset.instant(0) : Instant.parse("9999-12-31T23:59:59Z");
        UUID beforeId = keyset.uuidOr(1, new UUID(-1L, -1L));
        return ledger.page(user, beforeTime, beforeId, keyset.fetch()).stream()
                .map(e -> new SecurityEventView(e.id(), e.type(), e.occurredAt(), e.details()))
                .toList();
    }

    /**
     * The user agent each of the user's sessions signed in with, by session id, as Keycloak's
     * listener recorded it with the sign-in (Keycloak's sessions keep none). Sessions without a
     * recorded sign-in are absent.
     */
    @Transactional
    public Map<String, String> userAgents(UUID user, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> agents = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("""
                        SELECT DISTINCT ON (details ->> 'sessionId') details ->> 'sessionId', details ->> 'userAgent'
                        FROM security_events
                        WHERE user_id = ?1 AND type = 'LOGIN_SUCCESS' AND details ->> 'userAgent' IS NOT NULL
                          AND details ->> 'sessionId' = ANY (?2)
                        ORDER BY details ->> 'sessionId', created_at""")
                .setParameter(1, user)
                .setParameter(2, sessionIds.toArray(String[]::new))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            agents.put((String) columns[0], (String) columns[1]);
        }
        return agents;
    }

    @Transactional
    public SecurityStateView state(UUID user) {
        return SecurityStateView.of(user, ledger.state(user));
    }

    /**
     * Clears the user's lockout in Keycloak and records ACCOUNT_UNLOCKED (with the operator) when
     * the user was locked. Writes the target user's rows, so the transaction acts as that user for
     * row-level security. The mirror row stays locked (FOR UPDATE) across the Keycloak call: the
     * admin event the call causes waits for this commit, then finds the user unlocked and records
     * nothing twice.
     */
    @Transactional
    public UnlockView unlock(UUID user, UUID operator, String reason) {
        if (entityManager.createNativeQuery("SELECT 1 FROM users WHERE id = ?1").setParameter(1, user)
                .getResultList().isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No LifeOS user " + user);
        }
        tenancy.apply(null, user);
        State before = ledger.stateForUpdate(user);
        Instant now = Instant.now();
        // Keycloak unreachable: a 503 problem from KeycloakAdmin, and nothing here is changed.
        BruteForceStatus status = keycloak.bruteForce(user);
        keycloak.clearBruteForce(user);
        boolean wasLocked = status.disabled() || before.locked(now);
        State after = Lockout.unlocked(before);
        ledger.saveState(user, after);
        if (wasLocked) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("operatorId", operator.toString());
            if (reason != null && !reason.isBlank()) {
                details.put("reason", reason.strip());
            }
            details.put("failedAttempts", status.numFailures());
            ledger.record(Ids.next(), user, SecurityEventType.ACCOUNT_UNLOCKED, now, details);
        }
        return new UnlockView(user, wasLocked, SecurityStateView.of(user, ledger.state(user)));
    }
}
