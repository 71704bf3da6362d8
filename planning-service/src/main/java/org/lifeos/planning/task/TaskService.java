package org.lifeos.planning.task;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.planning.TaskChanged;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.goal.GoalProgress;
import org.lifeos.planning.goal.GoalRepository;
import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Task writes. Every change commits together with its {@code planning.task} event in the
 * outbox. References (domain, parent) are looked up in the caller's circle only, so another
 * circle's ids read as "no such domain/task"; the database's composite keys hold the same line.
 */
@ApplicationScoped
public class TaskService {

    private static final int MAX_DEPTH = 10;

    private final TaskRepository tasks;
    private final DomainRepository domains;
    private final GoalRepository goals;
    private final GoalProgress goalProgress;
    private final Outbox outbox;
    private final TenantContext context;

    public TaskService(TaskRepository tasks, DomainRepository domains, GoalRepository goals,
                       GoalProgress goalProgress, Outbox outbox, TenantContext context) {
        this.tasks = tasks;
        this.domains = domains;
        this.goals = goals;
        this.goalProgress = goalProgress;
        this.outbox = outbox;
        this.context = context;
    }

    @Transactional
    public Task create(TaskForm form) {
        Task task = new Task();
        task.id = Ids.next();
        task.tenantId = context.circleId();
        task.createdBy = context.userId();
        task.createdAt = Instant.now();
        apply(task, form);
        tasks.persist(task);
        tasks.flush();
        goalProgress.refresh(task.goalId);
        publish("task.created", task);
        return task;
    }

    @Transactional
    public Task get(UUID id) {
        return tasks.findLive(id).orElseThrow(() -> ProblemException.notFound("task " + id));
    }

    @Transactional
    public List<Task> list(TaskQuery query, String cursor, int limit) {
        TaskQuery.Compiled compiled = query.compile(cursor);
        return tasks.find(compiled.jpql(), compiled.params()).page(0, limit).list();
    }

    @Transactional
    public Task update(UUID id, String ifMatch, UnaryOperator<TaskForm> patch) {
        Task task = get(id);
        ETags.requireMatch(ifMatch, task.version);
        Status before = task.status;
        java.util.UUID goalBefore = task.goalId;
        apply(task, patch.apply(TaskForm.of(task)));
        tasks.flush();
        goalProgress.refresh(task.goalId, goalBefore);
        publish(task.status == Status.DONE && before != Status.DONE ? "task.completed" : "task.updated", task);
        return task;
    }

    @Transactional
    public Task complete(UUID id, String ifMatch) {
        Task task = get(id);
        ETags.requireMatch(ifMatch, task.version);
        if (task.status != Status.DONE) {
            task.status = Status.DONE;
            task.completedAt = Instant.now();
            task.updatedAt = task.completedAt;
            tasks.flush();
            goalProgress.refresh(task.goalId);
            publish("task.completed", task);
        }
        return task;
    }

    /** Soft-deletes the task and its live subtasks, all with one timestamp so a restore brings them back together. */
    @Transactional
    public Task delete(UUID id, String ifMatch) {
        Task task = get(id);
        ETags.requireMatch(ifMatch, task.version);
        Instant now = Instant.now();
        softDelete(task, now);
        tasks.flush();
        return task;
    }

    @Transactional
    public Task restore(UUID id, String ifMatch) {
        Task task = tasks.findDeleted(id).orElseThrow(() -> ProblemException.notFound("deleted task " + id));
        ETags.requireMatch(ifMatch, task.version);
        if (task.parentId != null && tasks.findLive(task.parentId).isEmpty()) {
            throw new ProblemException(org.lifeos.platform.error.ProblemType.CONFLICT,
                    "Restore the parent task " + task.parentId + " first");
        }
        restoreTree(task, task.deletedAt);
        tasks.flush();
        return task;
    }

    private void softDelete(Task task, Instant at) {
        for (Task subtask : tasks.liveSubtasks(task.id)) {
            softDelete(subtask, at);
        }
        task.deletedAt = at;
        task.updatedAt = at;
        tasks.flush();
        goalProgress.refresh(task.goalId);
        publish("task.deleted", task);
    }

    private void restoreTree(Task task, Instant deletedAt) {
        for (Task subtask : tasks.deletedTogetherWith(task.id, deletedAt)) {
            restoreTree(subtask, deletedAt);
        }
        task.deletedAt = null;
        task.updatedAt = Instant.now();
        tasks.flush();
        goalProgress.refresh(task.goalId);
        publish("task.restored", task);
    }

    private void apply(Task task, TaskForm form) {
        if (domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        if (form.parentId != null && !form.parentId.equals(task.parentId)) {
            requireParent(task, form.parentId);
        }
        if (form.goalId != null && !form.goalId.equals(task.goalId) && goals.findByIdOptional(form.goalId).isEmpty()) {
            throw ProblemException.badField("goalId", "no such goal in this circle");
        }
        task.domainId = form.domainId;
        task.parentId = form.parentId;
        task.goalId = form.goalId;
        task.title = form.title.strip();
        task.description = form.description;
        if (form.status == Status.DONE && task.status != Status.DONE) {
            task.completedAt = Instant.now();
        } else if (form.status != Status.DONE) {
            task.completedAt = null;
        }
        task.status = form.status;
        task.priority = form.priority;
        task.energyLevel = form.energyLevel;
        task.estimatedMinutes = form.estimatedMinutes;
        task.actualMinutes = form.actualMinutes;
        task.timeBlockMinutes = form.timeBlockMinutes;
        task.dueDate = form.dueDate;
        task.dueTime = form.dueTime;
        task.scheduledDate = form.scheduledDate;
        task.scheduledTime = form.scheduledTime;
        task.quickWin = form.quickWin;
        task.tags = form.tags.stream().map(String::strip).distinct().toList();
        task.sortOrder = form.sortOrder;
        task.updatedAt = Instant.now();
    }

    /** The parent must be a live task of this circle, and not the task itself or one of its subtasks. */
    private void requireParent(Task task, UUID parentId) {
        Set<UUID> seen = new HashSet<>();
        UUID current = parentId;
        for (int depth = 0; current != null; depth++) {
            if (current.equals(task.id) || !seen.add(current)) {
                throw ProblemException.badField("parentId", "would make the task its own ancestor");
            }
            if (depth >= MAX_DEPTH) {
                throw ProblemException.badField("parentId", "subtasks nest at most " + MAX_DEPTH + " levels");
            }
            Task ancestor = tasks.findLive(current).orElse(null);
            if (ancestor == null) {
                throw ProblemException.badField("parentId", depth == 0 ? "no such task in this circle"
                        : "an ancestor task no longer exists");
            }
            current = ancestor.parentId;
        }
    }

    private void publish(String type, Task task) {
        outbox.publish(TaskChanged.TOPIC, type, new TaskChanged(task.id, task.domainId, task.parentId,
                task.status.toString(), task.priority.toString(), task.dueDate, task.estimatedMinutes,
                task.completedAt, task.version));
    }
}
