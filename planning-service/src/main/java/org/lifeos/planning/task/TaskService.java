package org.lifeos.planning.task;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.planning.TaskChanged;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.planning.task.TaskWritten.State;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Task writes. Every change commits together with its {@code planning.task} event in the
 * outbox, and is announced in-process as {@link TaskWritten} (the goal package credits goals from
 * it). References (domain, parent) are looked up in the caller's circle only, so another circle's
 * ids read as "no such domain/task"; the database's composite keys hold the same line. What a task
 * points to elsewhere (goal, activity) is checked by that feature's {@link TaskLink}; the
 * recurrence fields and the next occurrence are {@link TaskRecurrence}'s.
 */
@ApplicationScoped
public class TaskService {

    private static final int MAX_DEPTH = 10;

    private final TaskRepository tasks;
    private final DomainRepository domains;
    private final TaskLogRepository logs;
    private final TaskRecurrence recurrence;
    private final Instance<TaskLink> links;
    private final Event<TaskWritten> written;
    private final Outbox outbox;
    private final TenantContext context;

    public TaskService(TaskRepository tasks, DomainRepository domains, TaskLogRepository logs,
                       TaskRecurrence recurrence, Instance<TaskLink> links, Event<TaskWritten> written,
                       Outbox outbox, TenantContext context) {
        this.tasks = tasks;
        this.domains = domains;
        this.logs = logs;
        this.recurrence = recurrence;
        this.links = links;
        this.written = written;
        this.outbox = outbox;
        this.context = context;
    }

    /**
     * A task from what the client sent, {@code body} merged over a draft its links prefill: with
     * {@code activityId}, the activity fills in what the body leaves out (and counts a use, in this
     * transaction, so a refused task counts nothing).
     */
    @Transactional
    public Task create(UUID activityId, UnaryOperator<TaskForm> body) {
        TaskForm draft = new TaskForm();
        draft.activityId = activityId;
        links.forEach(link -> link.prefill(draft));
        return create(body.apply(draft));
    }

    @Transactional
    public Task create(TaskForm form) {
        Task task = insert(form);
        publish("task.created", task);
        if (task.status == Status.DONE) {
            nextOccurrence(task);
        }
        return task;
    }

    @Transactional
    @ReadOnly
    public Task get(UUID id) {
        return tasks.findLive(id).orElseThrow(() -> ProblemException.notFound("task " + id));
    }

    @Transactional
    @ReadOnly
    public List<Task> list(TaskQuery query, Keyset keyset) {
        TaskQuery.Compiled compiled = query.compile(keyset);
        return tasks.find(compiled.jpql(), compiled.params()).page(0, keyset.fetch()).list();
    }

    @Transactional
    public Task update(UUID id, String ifMatch, UnaryOperator<TaskForm> patch) {
        Task task = ETags.matching(get(id), ifMatch, t -> t.version);
        State before = State.of(task);
        apply(task, patch.apply(TaskForm.of(task)));
        tasks.flush();
        boolean completed = task.status == Status.DONE && before.status() != Status.DONE;
        written(before, task);
        if (completed) {
            nextOccurrence(task);
        }
        publish(completed ? "task.completed" : "task.updated", task);
        return task;
    }

    @Transactional
    public Task complete(UUID id, String ifMatch) {
        Task task = ETags.matching(get(id), ifMatch, t -> t.version);
        if (task.status != Status.DONE) {
            State before = State.of(task);
            task.status = Status.DONE;
            task.completedAt = Instant.now();
            task.updatedAt = task.completedAt;
            tasks.flush();
            written(before, task);
            publish("task.completed", task);
            nextOccurrence(task);
        }
        return task;
    }

    /** The task's status changes, oldest first; also of a deleted task. */
    @Transactional
    public List<TaskLog> logs(UUID id) {
        Task task = tasks.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("task " + id));
        return logs.ofTask(task.id);
    }

    /** Soft-deletes the task and its live subtasks, all with one timestamp so a restore brings them back together. */
    @Transactional
    public Task delete(UUID id, String ifMatch) {
        Task task = ETags.matching(get(id), ifMatch, t -> t.version);
        softDelete(task, Instant.now());
        tasks.flush();
        return task;
    }

    @Transactional
    public Task restore(UUID id, String ifMatch) {
        Task task = ETags.matching(tasks.findDeleted(id)
                .orElseThrow(() -> ProblemException.notFound("deleted task " + id)), ifMatch, t -> t.version);
        if (task.parentId != null && tasks.findLive(task.parentId).isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Restore the parent task " + task.parentId + " first");
        }
        restoreTree(task, task.deletedAt);
        tasks.flush();
        return task;
    }

    /** A new task of the caller's circle from {@code form}, flushed, logged and announced in-process. */
    private Task insert(TaskForm form) {
        Task task = new Task();
        task.id = Ids.next();
        task.tenantId = context.circleId();
        task.createdBy = context.userId();
        task.createdAt = Instant.now();
        apply(task, form);
        return inserted(task);
    }

    private Task inserted(Task task) {
        tasks.persist(task);
        tasks.flush();
        written(null, task);
        return task;
    }

    /** Completing an occurrence of a recurring task creates the next one as a task of its own. */
    private void nextOccurrence(Task done) {
        recurrence.next(done).ifPresent(form -> {
            Task next = new Task();
            next.id = Ids.next();
            next.tenantId = done.tenantId;
            next.createdBy = context.userId();
            next.createdAt = Instant.now();
            apply(next, form);
            TaskRecurrence.continueSeries(next, done);
            inserted(next);
            done.nextOccurrenceId = next.id;
            tasks.flush();
            publish("task.created", next);
        });
    }

    private void softDelete(Task task, Instant at) {
        for (Task subtask : tasks.liveSubtasks(task.id)) {
            softDelete(subtask, at);
        }
        State before = State.of(task);
        task.deletedAt = at;
        task.updatedAt = at;
        tasks.flush();
        written(before, task);
        publish("task.deleted", task);
    }

    private void restoreTree(Task task, Instant deletedAt) {
        for (Task subtask : tasks.deletedTogetherWith(task.id, deletedAt)) {
            restoreTree(subtask, deletedAt);
        }
        State before = State.of(task);
        task.deletedAt = null;
        task.updatedAt = Instant.now();
        tasks.flush();
        written(before, task);
        publish("task.restored", task);
    }

    /** Logs a status change (or the first status) and tells the observers of {@link TaskWritten}. */
    private void written(State before, Task task) {
        Status was = before == null ? null : before.status();
        if (was != task.status) {
            TaskLog entry = new TaskLog();
            entry.id = Ids.next();
            entry.tenantId = task.tenantId;
            entry.taskId = task.id;
            entry.oldStatus = was;
            entry.newStatus = task.status;
            entry.changedBy = context.userId();
            entry.changedAt = Instant.now();
            logs.persist(entry);
        }
        written.fire(new TaskWritten(before, State.of(task)));
    }

    private void apply(Task task, TaskForm form) {
        if (domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        if (form.parentId != null && !form.parentId.equals(task.parentId)) {
            requireParent(task, form.parentId);
        }
        links.forEach(link -> link.check(task, form));
        task.activityId = form.activityId;
        task.domainId = form.domainId;
        task.parentId = form.parentId;
        task.goalId = form.goalId;
        task.goalContribution = form.goalContribution;
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
        recurrence.apply(task, form);
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
