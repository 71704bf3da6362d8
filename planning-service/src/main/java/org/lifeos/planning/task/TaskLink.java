package org.lifeos.planning.task;

import org.lifeos.planning.task.TaskDtos.TaskForm;

/**
 * A feature a task can point to (its goal, the activity it was made from). The task package says
 * what it needs here and the feature implements it as a bean, so the dependency runs from the
 * feature to tasks only: tasks never import goals or activities, and no package cycle remains.
 */
public interface TaskLink {

    /**
     * Fills what a new task takes from what it points to, before the client's body is merged over
     * it (nothing by default). Runs in the transaction that creates the task.
     */
    default void prefill(TaskForm draft) {
    }

    /** Refuses (400 naming the field) a pointer that {@code form} sets to nothing of this circle. */
    void check(Task current, TaskForm form);
}
