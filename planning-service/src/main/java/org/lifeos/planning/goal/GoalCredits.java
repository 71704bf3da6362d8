package org.lifeos.planning.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lifeos.planning.task.Task;
import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.planning.task.TaskLink;
import org.lifeos.planning.task.TaskWritten;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.error.ProblemException;

/**
 * What tasks add to their goals. A task's goal is checked here ({@link TaskLink}) and credited here
 * when the task is written ({@link TaskWritten}, a synchronous CDI event inside the task's
 * transaction). Goals depend on tasks and never the other way round: the task package knows
 * only its own event and link interface, so the old task ↔ goal package cycle is gone.
 */
@ApplicationScoped
public class GoalCredits implements TaskLink {

    /**
     * What a task has added to its goal's current value (seed 001): its contribution, booked in the
     * month it was completed, while it is done, linked and not deleted; otherwise nothing.
     */
    private record Credit(UUID goalId, YearMonth month, BigDecimal amount) {
    }

    private final GoalRepository goals;
    private final GoalValues values;
    private final GoalProgress progress;
    private final UserDay userDay;

    public GoalCredits(GoalRepository goals, GoalValues values, GoalProgress progress, UserDay userDay) {
        this.goals = goals;
        this.values = values;
        this.progress = progress;
        this.userDay = userDay;
    }

    @Override
    public void check(Task current, TaskForm form) {
        if (form.goalId != null && !form.goalId.equals(current.goalId) && goals.findByIdOptional(form.goalId).isEmpty()) {
            throw ProblemException.badField("goalId", "no such goal in this circle");
        }
    }

    /** Takes back what the task added before, adds what it adds now, and re-derives the goals touched. */
    void credit(@Observes TaskWritten written) {
        TaskWritten.State before = written.before();
        TaskWritten.State after = written.after();
        Credit was = credit(before);
        Credit is = credit(after);
        if (!Objects.equals(was, is)) {
            if (was != null) {
                values.book(was.goalId(), was.month(), was.amount().negate());
            }
            if (is != null) {
                values.book(is.goalId(), is.month(), is.amount());
            }
        }
        UUID goalBefore = before == null ? null : before.goalId();
        progress.refresh(after.goalId(), Objects.equals(goalBefore, after.goalId()) ? null : goalBefore);
    }

    private Credit credit(TaskWritten.State task) {
        if (task == null || task.status() != Status.DONE || task.goalId() == null || task.deletedAt() != null
                || task.completedAt() == null) {
            return null;
        }
        return new Credit(task.goalId(), YearMonth.from(LocalDate.ofInstant(task.completedAt(), userDay.zone())),
                task.goalContribution());
    }
}
