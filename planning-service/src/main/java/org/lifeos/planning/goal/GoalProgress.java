package org.lifeos.planning.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.goal.GoalEnums.Status;
import org.lifeos.planning.task.TaskEnums;
import org.lifeos.planning.task.TaskRepository;
import org.lifeos.platform.outbox.Outbox;

/**
 * A goal's {@code progress_pct}, never typed in. A completed goal is 100. Otherwise it is the
 * average, rounded, of what the goal has of:
 * <ul>
 *   <li>its numeric target: {@code current_value / target_value}, at most 100;</li>
 *   <li>its children's progress (abandoned children left out);</li>
 *   <li>its linked tasks: done among the live ones that are not cancelled, only for a goal without a
 *   numeric target (with one, a done task counts through what it adds to the current value, seed 001).</li>
 * </ul>
 * A goal with none of them is 0. A change re-derives the goal and then each of its ancestors;
 * each goal whose progress moved is announced as {@code goal.progress_changed} on {@code planning.goal}.
 */
@ApplicationScoped
public class GoalProgress {

    private static final int MAX_DEPTH = GoalEnums.Level.values().length + 1;

    /** Topic of {@code goal.progress_changed}; its record stays here until another service consumes it. */
    public static final String TOPIC = "planning.goal";

    /** {@code goal.progress_changed}: a goal's derived progress moved. */
    public record ProgressChanged(UUID goalId, UUID parentId, int previousPct, int progressPct) {
    }

    private final GoalRepository goals;
    private final TaskRepository tasks;
    private final Outbox outbox;

    public GoalProgress(GoalRepository goals, TaskRepository tasks, Outbox outbox) {
        this.goals = goals;
        this.tasks = tasks;
        this.outbox = outbox;
    }

    /** Re-derives each of these goals (nulls ignored) and their ancestors. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(UUID... goalIds) {
        for (UUID start : goalIds) {
            UUID current = start;
            for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
                Goal goal = goals.findById(current);
                if (goal == null) {
                    break;
                }
                int pct = derive(goal);
                if (pct != goal.progressPct) {
                    outbox.publish(TOPIC, "goal.progress_changed",
                            new ProgressChanged(goal.id, goal.parentId, goal.progressPct, pct));
                    goal.progressPct = pct;
                    goal.updatedAt = Instant.now();
                }
                current = goal.parentId;
            }
        }
        goals.flush();
    }

    private int derive(Goal goal) {
        List<Integer> children = goals.children(goal.id).stream().filter(c -> c.status != Status.ABANDONED)
                .map(c -> c.progressPct).toList();
        long linked = tasks.count("goalId = ?1 and deletedAt is null and status <> ?2", goal.id,
                TaskEnums.Status.CANCELLED);
        long done = linked == 0 ? 0 : tasks.count("goalId = ?1 and deletedAt is null and status = ?2", goal.id,
                TaskEnums.Status.DONE);
        return percent(goal.status, goal.targetValue, goal.currentValue, children, linked, done);
    }

    /** The rule of the class comment, without the database. */
    static int percent(Status status, BigDecimal targetValue, BigDecimal currentValue, List<Integer> children,
                       long linkedTasks, long doneTasks) {
        if (status == Status.COMPLETED) {
            return 100;
        }
        List<Integer> sources = new ArrayList<>();
        if (targetValue != null && targetValue.signum() > 0) {
            BigDecimal ratio = currentValue.multiply(BigDecimal.valueOf(100)).divide(targetValue, 0, RoundingMode.DOWN);
            sources.add(Math.min(100, Math.max(0, ratio.intValue())));
        }
        if (!children.isEmpty()) {
            sources.add((int) Math.round(children.stream().mapToInt(Integer::intValue).average().orElse(0)));
        }
        if (linkedTasks > 0 && (targetValue == null || targetValue.signum() <= 0)) {
            sources.add((int) (doneTasks * 100 / linkedTasks));
        }
        return (int) Math.round(sources.stream().mapToInt(Integer::intValue).average().orElse(0));
    }
}
