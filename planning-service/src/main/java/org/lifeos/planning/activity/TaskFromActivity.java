package org.lifeos.planning.activity;

import jakarta.enterprise.context.ApplicationScoped;

import org.lifeos.planning.task.Task;
import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskLink;
import org.lifeos.platform.error.ProblemException;

/**
 * What a task made from a catalog activity takes from it. The tasks' {@link TaskLink} for
 * {@code activityId}: activities depend on tasks, and tasks know nothing of activities, so the old
 * task ↔ activity package cycle is gone.
 */
@ApplicationScoped
public class TaskFromActivity implements TaskLink {

    private final ActivityRepository activities;

    public TaskFromActivity(ActivityRepository activities) {
        this.activities = activities;
    }

    /**
     * Title, duration (as estimate and time block), energy, domain and description come from the
     * activity; the client's body is merged over this draft, so what it sends wins. One use is
     * counted, in the transaction that creates the task, so a refused task counts nothing.
     */
    @Override
    public void prefill(TaskForm draft) {
        if (draft.activityId == null) {
            return;
        }
        Activity activity = activities.findByIdOptional(draft.activityId)
                .orElseThrow(() -> ProblemException.badField("activityId", "no such activity in this circle"));
        draft.title = activity.title;
        draft.estimatedMinutes = activity.defaultDuration;
        draft.timeBlockMinutes = activity.defaultDuration;
        draft.energyLevel = activity.energyLevel;
        draft.domainId = activity.domainId;
        draft.description = activity.description;
        activities.countUse(activity.id);
    }

    @Override
    public void check(Task current, TaskForm form) {
        if (form.activityId != null && !form.activityId.equals(current.activityId)
                && activities.findByIdOptional(form.activityId).isEmpty()) {
            throw ProblemException.badField("activityId", "no such activity in this circle");
        }
    }
}
