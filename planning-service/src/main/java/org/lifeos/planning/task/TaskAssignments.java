package org.lifeos.planning.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.planning.circle.CircleMembers;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Who a task is assigned to (seed 002 task_assignments): members of the task's circle only. A
 * member is a user planning knows to belong to the circle ({@link CircleMembers}); anyone else is
 * a 400 naming {@code userId}.
 */
@ApplicationScoped
public class TaskAssignments {

    public record AssigneeView(UUID userId, UUID assignedBy, Instant assignedAt) {
    }

    private final TaskService tasks;
    private final CircleMembers members;
    private final EntityManager entityManager;
    private final TenantContext context;

    public TaskAssignments(TaskService tasks, CircleMembers members, EntityManager entityManager,
                           TenantContext context) {
        this.tasks = tasks;
        this.members = members;
        this.entityManager = entityManager;
        this.context = context;
    }

    /** @return true when the user was newly assigned, false when they already were */
    @Transactional
    public boolean assign(UUID taskId, UUID user) {
        Task task = tasks.get(taskId);
        if (!members.isMember(user)) {
            throw ProblemException.badField("userId", "is not a member of this circle");
        }
        return entityManager.createNativeQuery("""
                        INSERT INTO task_assignments (tenant_id, task_id, user_id, assigned_by)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, task.tenantId).setParameter(2, task.id).setParameter(3, user)
                .setParameter(4, context.userId()).executeUpdate() == 1;
    }

    @Transactional
    public void unassign(UUID taskId, UUID user) {
        Task task = tasks.get(taskId);
        int removed = entityManager.createNativeQuery("DELETE FROM task_assignments WHERE task_id = ?1 AND user_id = ?2")
                .setParameter(1, task.id).setParameter(2, user).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("assignment of " + user + " to task " + taskId);
        }
    }

    @Transactional
    public List<AssigneeView> of(UUID taskId) {
        Task task = tasks.get(taskId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT user_id, assigned_by, assigned_at FROM task_assignments
                        WHERE task_id = ?1 ORDER BY assigned_at, user_id""")
                .setParameter(1, task.id).getResultList();
        return rows.stream().map(r -> new AssigneeView((UUID) r[0], (UUID) r[1], toInstant(r[2]))).toList();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
