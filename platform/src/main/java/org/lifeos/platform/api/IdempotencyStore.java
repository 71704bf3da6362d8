package org.lifeos.platform.api;

import static org.lifeos.platform.db.SqlTimes.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/** The stored first answer to each Idempotency-Key, per circle and user. */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** A claimed key whose request never finished (a crash) may be taken over after this. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    /** The same 24 hours as purge_expired_idempotency_keys() in R__platform_idempotency.sql. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final EntityManager entityManager;

    IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What is already known about a key, or empty when this request claimed it. */
    @Transactional
    public Optional<Stored> claim(UUID tenant, UUID user, String key, String method, String path, String hash) {
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_keys (tenant_id, user_id, idempotency_key, method, path, request_hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, tenant).setParameter(2, user).setParameter(3, key)
                .setParameter(4, method).setParameter(5, path).setParameter(6, hash)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, status, content_type, location, etag, body, created_at, completed_at,
                            secret_withheld
                        FROM idempotency_keys WHERE tenant_id = ?1 AND user_id = ?2 AND idempotency_key = ?3
                        FOR UPDATE""")
                .setParameter(1, tenant).setParameter(2, user).setParameter(3, key)
                .getResultList();
        Object[] row = rows.get(0);
        Instant created = instant(row[6]);
        boolean expired = created.isBefore(Instant.now().minus(RETENTION));
        boolean abandoned = row[7] == null && created.isBefore(Instant.now().minus(ABANDONED_AFTER));
        if (expired || abandoned) {
            entityManager.createNativeQuery("""
                            UPDATE idempotency_keys SET method = ?4, path = ?5, request_hash = ?6, status = NULL,
                                content_type = NULL, location = NULL, etag = NULL, body = NULL,
                                secret_withheld = false, created_at = now(), completed_at = NULL
                            WHERE tenant_id = ?1 AND user_id = ?2 AND idempotency_key = ?3""")
                    .setParameter(1, tenant).setParameter(2, user).setParameter(3, key)
                    .setParameter(4, method).setParameter(5, path).setParameter(6, hash)
                    .executeUpdate();
            return Optional.empty();
        }
        return Optional.of(new Stored((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (Boolean) row[8]));
    }

    @Transactional
    public void complete(UUID tenant, UUID user, String key, int status, String contentType, String location,
                         String etag, String body) {
        entityManager.createNativeQuery("""
                        UPDATE idempotency_keys SET status = ?4, content_type = ?5, location = ?6, etag = ?7,
                            body = ?8, completed_at = now()
                        WHERE tenant_id = ?1 AND user_id = ?2 AND idempotency_key = ?3""")
                .setParameter(1, tenant).setParameter(2, user).setParameter(3, key)
                .setParameter(4, status).setParameter(5, contentType).setParameter(6, location)
                .setParameter(7, etag).setParameter(8, body)
                .executeUpdate();
    }

    /**
     * The first request succeeded with {@code status}, but its answer carried a secret: only that is
     * kept (no body, no headers), so a repeat learns the outcome and never the secret.
     */
    @Transactional
    public void completeWithheld(UUID tenant, UUID user, String key, int status) {
        entityManager.createNativeQuery("""
                        UPDATE idempotency_keys SET status = ?4, secret_withheld = true, completed_at = now()
                        WHERE tenant_id = ?1 AND user_id = ?2 AND idempotency_key = ?3""")
                .setParameter(1, tenant).setParameter(2, user).setParameter(3, key).setParameter(4, status)
                .executeUpdate();
    }

    /** A failed or refused request (5xx, 401, 403) frees its key, so the client's retry runs again. */
    @Transactional
    public void release(UUID tenant, UUID user, String key) {
        entityManager.createNativeQuery(
                        "DELETE FROM idempotency_keys WHERE tenant_id = ?1 AND user_id = ?2 AND idempotency_key = ?3")
                .setParameter(1, tenant).setParameter(2, user).setParameter(3, key)
                .executeUpdate();
    }

    /** {@link #purgeExpired()} every {@code lifeos.idempotency.purge-every}. */
    @Scheduled(identity = "idempotency-keys-purge", every = "{lifeos.idempotency.purge-every}",
            delayed = "{lifeos.idempotency.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        long purged = purgeExpired();
        if (purged > 0) {
            LOG.debugf("Purged %d expired Idempotency-Key answers", purged);
        }
    }

    /**
     * Forgets the answers older than 24 hours, of every circle; returns how many. Row-level
     * security hides every row from the runtime role when no circle is set, so a plain DELETE here
     * would delete nothing: the database function does it as the table owner, limited to expired rows.
     */
    @Transactional
    public long purgeExpired() {
        return ((Number) entityManager.createNativeQuery("SELECT purge_expired_idempotency_keys()")
                .getSingleResult()).longValue();
    }

    /**
     * @param status null while the first request is still running
     * @param secretWithheld the first answer carried a secret, which was not kept
     */
    public record Stored(String requestHash, Integer status, String contentType, String location, String etag,
                         String body, boolean secretWithheld) {
    }
}
