package org.lifeos.identity.privacy;

import static org.lifeos.platform.db.SqlTimes.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.platform.ids.Ids;

/**
 * privacy_requests and their steps. Every method runs in the caller's transaction with
 * app.user_id set to the request's user: row-level security admits no one else's rows.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** The step identity-service itself runs against Keycloak: the account, its sessions, its partner clients. */
    public static final String KEYCLOAK = "keycloak";

    private final EntityManager entityManager;

    public PrivacyRequests(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One participant's part of a request, as the operator sees it. */
    public record PrivacyStepView(String participant, UUID circleId, String scope, String status, int attempts,
                       String lastError, Long rowsErased, Instant doneAt) {
    }

    /** A request with its steps. */
    public record PrivacyRequestView(UUID id, UUID userId, String kind, String status, Instant requestedAt, Instant completedAt,
                          List<PrivacyStepView> steps) {
    }

    /** A request waiting for its Keycloak step. */
    public record Waiting(UUID requestId, UUID userId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID openErasure(UUID user) {
        UUID id = Ids.next();
        entityManager.createNativeQuery("INSERT INTO privacy_requests (id, user_id, kind) VALUES (?1, ?2, 'erasure')")
                .setParameter(1, id)
                .setParameter(2, user)
                .executeUpdate();
        return id;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addStep(UUID request, UUID user, String participant, UUID circle, String scope) {
        entityManager.createNativeQuery("""
                        INSERT INTO privacy_request_steps (id, request_id, user_id, participant, circle_id, scope)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, Ids.next())
                .setParameter(2, request)
                .setParameter(3, user)
                .setParameter(4, participant)
                .setParameter(5, circle)
                .setParameter(6, scope)
                .executeUpdate();
    }

    /**
     * Marks the step done; false when there is no such pending step (unknown participant or
     * circle, or done before). Completes the request when it was its last pending step.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markDone(UUID request, String participant, UUID circle, long rowsErased) {
        int updated = entityManager.createNativeQuery("""
                        UPDATE privacy_request_steps SET status = 'done', done_at = now(), rows_erased = ?4,
                               attempts = attempts + 1, last_error = NULL
                        WHERE request_id = ?1 AND participant = ?2 AND circle_id IS NOT DISTINCT FROM ?3
                          AND status = 'pending'""")
                .setParameter(1, request)
                .setParameter(2, participant)
                .setParameter(3, circle)
                .setParameter(4, rowsErased)
                .executeUpdate();
        if (updated > 0) {
            entityManager.createNativeQuery("""
                            UPDATE privacy_requests SET status = 'completed', completed_at = now()
                            WHERE id = ?1 AND status = 'in_progress'
                              AND NOT EXISTS (SELECT 1 FROM privacy_request_steps
                                              WHERE request_id = ?1 AND status = 'pending')""")
                    .setParameter(1, request)
                    .executeUpdate();
        }
        return updated > 0;
    }

    /** Counts a failed attempt of a pending step and keeps its error for the operator. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailed(UUID request, String participant, String error) {
        entityManager.createNativeQuery("""
                        UPDATE privacy_request_steps SET attempts = attempts + 1, last_error = left(?3, 500)
                        WHERE request_id = ?1 AND participant = ?2 AND circle_id IS NULL AND status = 'pending'""")
                .setParameter(1, request)
                .setParameter(2, participant)
                .setParameter(3, error)
                .executeUpdate();
    }

    /**
     * Requests whose Keycloak step is still pending, any user's (ids only), once their first
     * attempt failed or had {@code grace} to run. Needs no user set.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Waiting> waitingForKeycloak(int max, Duration grace) {
        List<Waiting> waiting = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery(
                        "SELECT request_id, user_id FROM privacy_keycloak_steps_pending(?1, ?2)")
                .setParameter(1, max).setParameter(2, grace.toMillis() / 1000.0).getResultList()) {
            Object[] columns = (Object[]) row;
            waiting.add(new Waiting((UUID) columns[0], (UUID) columns[1]));
        }
        return waiting;
    }

    /** The user's requests, newest first, with their steps. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PrivacyRequestView> of(UUID user) {
        List<PrivacyRequestView> requests = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                        SELECT id, user_id, kind, status, requested_at, completed_at FROM privacy_requests
                        WHERE user_id = ?1 ORDER BY requested_at DESC, id DESC""")
                .setParameter(1, user).getResultList()) {
            Object[] c = (Object[]) row;
            UUID id = (UUID) c[0];
            requests.add(new PrivacyRequestView(id, (UUID) c[1], (String) c[2], (String) c[3], instant(c[4]), instant(c[5]),
                    steps(id)));
        }
        return requests;
    }

    private List<PrivacyStepView> steps(UUID request) {
        List<PrivacyStepView> steps = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                        SELECT participant, circle_id, scope, status, attempts, last_error, rows_erased, done_at
                        FROM privacy_request_steps WHERE request_id = ?1
                        ORDER BY participant, circle_id NULLS FIRST""")
                .setParameter(1, request).getResultList()) {
            Object[] c = (Object[]) row;
            steps.add(new PrivacyStepView((String) c[0], (UUID) c[1], (String) c[2], (String) c[3], ((Number) c[4]).intValue(),
                    (String) c[5], c[6] == null ? null : ((Number) c[6]).longValue(), instant(c[7])));
        }
        return steps;
    }
}
