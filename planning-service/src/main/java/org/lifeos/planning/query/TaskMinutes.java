package org.lifeos.planning.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Time spent on tasks, for content-service's time spent vs return: per task, the minutes of its
 * completed time blocks (planned, skipped or rescheduled blocks are not time spent) plus the
 * minutes recorded on the task itself ({@code actual_minutes}; an estimate is not time spent). A
 * deleted task, or one of another circle (row-level security), is not found.
 */
@ApplicationScoped
public class TaskMinutes {

    public record Spent(UUID taskId, boolean found, long blockMinutes, long recordedMinutes, int completedBlocks) {

        public long minutes() {
            return blockMinutes + recordedMinutes;
        }
    }

    private final EntityManager entityManager;

    public TaskMinutes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One answer per id, in the order given. */
    @Transactional
    public List<Spent> of(List<UUID> taskIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT t.id, coalesce(t.actual_minutes, 0),
                            coalesce((SELECT sum(extract(epoch FROM (b.end_time - b.start_time)) / 60)
                                      FROM time_blocks b WHERE b.tenant_id = t.tenant_id AND b.task_id = t.id
                                        AND b.status = 'completed'), 0),
                            (SELECT count(*) FROM time_blocks b WHERE b.tenant_id = t.tenant_id AND b.task_id = t.id
                               AND b.status = 'completed')
                        FROM tasks t WHERE t.deleted_at IS NULL AND t.id = ANY (cast(?1 AS uuid[]))""")
                .setParameter(1, taskIds.toArray(UUID[]::new))
                .getResultList();
        Map<UUID, Spent> found = new HashMap<>();
        rows.forEach(r -> found.put((UUID) r[0], new Spent((UUID) r[0], true, ((Number) r[2]).longValue(),
                ((Number) r[1]).longValue(), ((Number) r[3]).intValue())));
        return taskIds.stream().map(id -> found.getOrDefault(id, new Spent(id, false, 0, 0, 0))).toList();
    }
}
