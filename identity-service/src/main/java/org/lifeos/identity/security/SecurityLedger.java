package org.lifeos.identity.security;

import static org.lifeos.platform.db.SqlTimes.instant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * security_events (append-only) and user_account_security_state, one user at a time. Every method
 * runs in the caller's transaction with app.user_id already set to that user: row-level security
 * admits no other rows.
 */
@ApplicationScoped
public class SecurityLedger {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public SecurityLedger(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** One row of the ledger as the API shows it. */
    public record Entry(UUID id, SecurityEventType type, Instant occurredAt, Map<String, Object> details) {
    }

    /** The mirror of Keycloak's lockout state for one user. */
    public record State(int failedAttempts, Instant cooldownUntil, boolean permanentlyLocked, Instant lastFailedAt,
                        Instant lockedAt, Instant updatedAt) {

        static final State NONE = new State(0, null, false, null, null, null);

        public boolean locked(Instant now) {
            return permanentlyLocked || (cooldownUntil != null && cooldownUntil.isAfter(now));
        }
    }

    /** Appends an event; an id already there (a replayed Keycloak event) is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(UUID id, UUID user, SecurityEventType type, Instant occurredAt, Map<String, Object> details) {
        return entityManager.createNativeQuery("""
                        INSERT INTO security_events (id, user_id, type, details, created_at)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, user)
                .setParameter(3, type.name())
                .setParameter(4, write(details))
                .setParameter(5, Timestamp.from(occurredAt))
                .executeUpdate() > 0;
    }

    /** The user's events newest first, after the keyset (created_at, id) of the previous page. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Entry> page(UUID user, Instant beforeTime, UUID beforeId, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, type, created_at, CAST(details AS text) FROM security_events
                        WHERE user_id = ?1 AND (created_at, id) < (?2, ?3)
                        ORDER BY created_at DESC, id DESC LIMIT ?4""")
                .setParameter(1, user)
                .setParameter(2, Timestamp.from(beforeTime))
                .setParameter(3, beforeId)
                .setParameter(4, limit)
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            entries.add(new Entry((UUID) columns[0], SecurityEventType.valueOf((String) columns[1]),
                    instant(columns[2]), read((String) columns[3])));
        }
        return entries;
    }

    /** The user's lockout mirror, locking its row for the rest of the transaction (made when missing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public State stateForUpdate(UUID user) {
        entityManager.createNativeQuery("""
                        INSERT INTO user_account_security_state (user_id) VALUES (?1) ON CONFLICT (user_id) DO NOTHING""")
                .setParameter(1, user)
                .executeUpdate();
        return state(user, " FOR UPDATE").orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public State state(UUID user) {
        return state(user, "").orElse(State.NONE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void saveState(UUID user, State state) {
        entityManager.createNativeQuery("""
                        UPDATE user_account_security_state SET failed_attempts = ?2, cooldown_until = ?3,
                            permanently_locked = ?4, last_failed_at = ?5, locked_at = ?6, updated_at = now()
                        WHERE user_id = ?1""")
                .setParameter(1, user)
                .setParameter(2, state.failedAttempts())
                .setParameter(3, timestamp(state.cooldownUntil()))
                .setParameter(4, state.permanentlyLocked())
                .setParameter(5, timestamp(state.lastFailedAt()))
                .setParameter(6, timestamp(state.lockedAt()))
                .executeUpdate();
    }

    private Optional<State> state(UUID user, String lock) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT failed_attempts, cooldown_until, permanently_locked, last_failed_at, locked_at, updated_at
                        FROM user_account_security_state WHERE user_id = ?1""" + lock)
                .setParameter(1, user)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new State(((Number) row[0]).intValue(), instant(row[1]), (Boolean) row[2], instant(row[3]),
                instant(row[4]), instant(row[5])));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("security event details cannot be written", e);
        }
    }

    private Map<String, Object> read(String details) {
        try {
            return json.readValue(details, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("security event details are not JSON", e);
        }
    }
}
