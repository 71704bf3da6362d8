package org.lifeos.planning.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Tasks of the current circle (row-level security hides every other circle's). */
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

    private static final List<TaskEnums.Status> CLOSED = List.of(TaskEnums.Status.DONE, TaskEnums.Status.CANCELLED);
}
