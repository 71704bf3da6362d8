package org.lifeos.planning.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.planning.circle.CircleArrival;
import org.lifeos.platform.privacy.ErasureStep;

/**
 * Planning's part of an account erasure, beyond the platform's generic rule. In scope
 * {@code member} the generic rule already deletes the user's rows by {@code user_id}: their time
 * blocks, daily plans, daily metrics, task assignments (so no task stays assigned to them), their
 * {@code circle_members} row and stored idempotent responses. It keeps habit check-ins
 * ({@code lifeos.privacy.erasure.shared-tables}): one per habit per day, whoever made it, counted
 * for the whole circle, though what the user wrote on their check-ins (notes) is cleared here.
 * What it cannot see is here too: note reminders are their creator's own ({@code created_by},
 * listed only to them). The circle's shared work (tasks, goals, notes, life
 * log, capsules, history) stays, with the departed user's pseudonymous id where it names them.
 */
@ApplicationScoped
public class PlanningErasure implements ErasureStep {

    private final EntityManager entityManager;
    private final CircleArrival arrival;

    public PlanningErasure(EntityManager entityManager, CircleArrival arrival) {
        this.entityManager = entityManager;
        this.arrival = arrival;
    }

    @Override
    public long erase(ErasureRequested request) {
        // This process must not skip recording a member it has "already seen" in a circle whose rows are gone.
        arrival.forget(request.circleId());
        if (!ErasureRequested.SCOPE_MEMBER.equals(request.scope())) {
            return 0;
        }
        int reminders = entityManager.createNativeQuery(
                        "DELETE FROM note_reminders WHERE tenant_id = ?1 AND created_by = ?2")
                .setParameter(1, request.circleId())
                .setParameter(2, request.userId())
                .executeUpdate();
        // A check-in stays (the circle's streaks count it); what the user wrote on it is theirs.
        int notes = entityManager.createNativeQuery(
                        "UPDATE habit_check_ins SET notes = NULL WHERE tenant_id = ?1 AND user_id = ?2 AND notes IS NOT NULL")
                .setParameter(1, request.circleId())
                .setParameter(2, request.userId())
                .executeUpdate();
        return reminders + notes;
    }
}
