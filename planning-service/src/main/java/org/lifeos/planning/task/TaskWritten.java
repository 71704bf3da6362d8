package org.lifeos.planning.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.lifeos.planning.task.TaskEnums.Status;

/**
 * A task was created, changed, completed, deleted or restored: fired synchronously by
 * {@link TaskService} inside the write's transaction, after the task row is flushed, so an observer
 * (the goal package's crediting) writes in the same transaction and a failure rolls the task back.
 * {@code before} is null for a new task.
 */
public record TaskWritten(State before, State after) {

    /** What of a task other features react to. */
    public record State(UUID id, UUID goalId, BigDecimal goalContribution, Status status, Instant completedAt,
                        Instant deletedAt) {

        public static State of(Task task) {
            return new State(task.id, task.goalId, task.goalContribution, task.status, task.completedAt,
                    task.deletedAt);
        }
    }
}
