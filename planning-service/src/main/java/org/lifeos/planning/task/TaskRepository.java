package org.lifeos.planning.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Tasks of the current circle (row-level security hides every other circle's). The one place that
 * reads and writes the tasks table: boards and sprints place tasks through it rather than with SQL
 * of their own. Their bulk updates are native statements that bypass the entity's version on
 * purpose: a task's place on a board or in a sprint is not part of what If-Match guards.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    public Optional<Task> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    public Optional<Task> findDeleted(UUID id) {
        return find("id = ?1 and deletedAt is not null", id).firstResultOptional();
    }

    public List<Task> liveSubtasks(UUID parentId) {
        return list("parentId = ?1 and deletedAt is null", parentId);
    }

    public List<Task> deletedTogetherWith(UUID parentId, Instant deletedAt) {
        return list("parentId = ?1 and deletedAt = ?2", parentId, deletedAt);
    }

    /** Open tasks (not done, not cancelled, not deleted) scheduled for {@code day} or due by it. */
    public List<Task> openOn(LocalDate day) {
        return list("deletedAt is null and status not in ?2 and (scheduledDate = ?1 or dueDate <= ?1)", day, CLOSED);
    }

    /** Open quick wins not planned for a later day, most important first. */
    public List<Task> quickWins(LocalDate day) {
        return list("deletedAt is null and quickWin = true and status not in ?2 "
                + "and (scheduledDate is null or scheduledDate <= ?1) order by priorityRank, dueDate nulls last, id",
                day, CLOSED);
    }

    /** Open top-level tasks with no scheduled date, for the scheduler. */
    public List<Task> unscheduled() {
        return list("deletedAt is null and status not in ?1 and scheduledDate is null", CLOSED);
    }

    /** The live tasks in these board columns, by column, then position, then id. */
    public List<Task> onColumns(Collection<UUID> columnIds) {
        return columnIds.isEmpty() ? List.of()
                : list("columnId in ?1 and deletedAt is null order by columnId, boardPosition, id", columnIds);
    }

    /** The ids of a column's live tasks, in board order. */
    public List<UUID> liveIdsInColumn(UUID columnId) {
        return getEntityManager().createQuery("select t.id from Task t where t.columnId = ?1 and t.deletedAt is null "
                + "order by t.boardPosition, t.id", UUID.class).setParameter(1, columnId).getResultList();
    }

    /**
     * Writes {@code order} as positions 0..n-1 of the column in one statement, touching only rows
     * whose place changes; deleted tasks first leave the column.
     */
    public void renumberColumn(UUID columnId, List<UUID> order) {
        dropDeletedFromColumn(columnId);
        if (order.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        UPDATE tasks t SET column_id = ?1, board_position = o.pos - 1, updated_at = now()
                        FROM unnest(CAST(string_to_array(?2, ',') AS uuid[])) WITH ORDINALITY AS o(id, pos)
                        WHERE t.id = o.id
                          AND (t.column_id IS DISTINCT FROM ?1 OR t.board_position IS DISTINCT FROM o.pos - 1)""")
                .setParameter(1, columnId)
                .setParameter(2, String.join(",", order.stream().map(UUID::toString).toList()))
                .executeUpdate();
    }

    /** Deleted tasks keep their place until their column is next written; this drops them from it. */
    public void dropDeletedFromColumn(UUID columnId) {
        getEntityManager().createNativeQuery("UPDATE tasks SET column_id = NULL, board_position = NULL "
                + "WHERE column_id = ?1 AND deleted_at IS NOT NULL").setParameter(1, columnId).executeUpdate();
    }

    /** Takes every task in these columns off the board. */
    public void takeOffColumns(Collection<UUID> columnIds) {
        if (!columnIds.isEmpty()) {
            update("columnId = null, boardPosition = null, updatedAt = ?2 where columnId in ?1", columnIds,
                    Instant.now());
        }
    }

    /** Takes one task off its board. */
    public void takeOffBoard(UUID taskId) {
        update("columnId = null, boardPosition = null, updatedAt = ?2 where id = ?1", taskId, Instant.now());
    }

    /** Puts a live task into a sprint; false when the circle has no such live task. */
    public boolean addToSprint(UUID taskId, UUID sprintId) {
        return update("sprintId = ?1, updatedAt = ?3 where id = ?2 and deletedAt is null", sprintId, taskId,
                Instant.now()) > 0;
    }

    /** Takes a task out of a sprint; false when it was not in it. */
    public boolean removeFromSprint(UUID taskId, UUID sprintId) {
        return update("sprintId = null, updatedAt = ?3 where id = ?1 and sprintId = ?2", taskId, sprintId,
                Instant.now()) > 0;
    }

    /** Takes every task out of a sprint that goes away. */
    public void leaveSprint(UUID sprintId) {
        update("sprintId = null, updatedAt = ?2 where sprintId = ?1", sprintId, Instant.now());
    }

    /** A sprint's live tasks, most important first (at most {@code limit}). */
    public List<Task> inSprint(UUID sprintId, int limit) {
        return find("sprintId = ?1 and deletedAt is null order by priorityRank, id", sprintId).page(0, limit).list();
    }

    /** How many live tasks a sprint has, and how many of them are done. */
    public long[] sprintCounts(UUID sprintId) {
        return new long[] {count("sprintId = ?1 and deletedAt is null", sprintId),
                count("sprintId = ?1 and deletedAt is null and status = ?2", sprintId, TaskEnums.Status.DONE)};
    }

    private static final List<TaskEnums.Status> CLOSED = List.of(TaskEnums.Status.DONE, TaskEnums.Status.CANCELLED);
}
