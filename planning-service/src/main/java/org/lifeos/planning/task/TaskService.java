package org.lifeos.planning.task;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.planning.TaskChanged;
import org.lifeos.planning.activity.ActivityRepository;
import org.lifeos.planning.activity.ActivityService;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.goal.GoalProgress;
import org.lifeos.planning.goal.GoalRepository;
import org.lifeos.planning.goal.GoalValues;
import org.lifeos.planning.time.UserDay;
import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
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
    private final GoalValues goalValues;
    private final UserDay userDay;
    private final TaskLogRepository logs;
    private final ActivityRepository activities;
    private final ActivityService activityService;
    private final Forms forms;
    private final Outbox outbox;
    private final TenantContext context;

    public TaskService(TaskRepository tasks, DomainRepository domains, GoalRepository goals,
                       GoalProgress goalProgress, GoalValues goalValues, UserDay userDay, TaskLogRepository logs,
                       ActivityRepository activities, ActivityService activityService, Forms forms,
                       Outbox outbox, TenantContext context) {
        this.logs = logs;
        this.activities = activities;
        this.activityService = activityService;
        this.forms = forms;
        this.tasks = tasks;
        this.domains = domains;
        this.goals = goals;
        this.goalProgress = goalProgress;
        this.goalValues = goalValues;
        this.userDay = userDay;
        this.outbox = outbox;
        this.context = context;
    }

    /**
     * What a task has added to its goal's current value (seed 001): its contribution, booked in the
     * month it was completed, while it is done, linked and not deleted; otherwise nothing.
     */
    private record Credit(UUID goalId, YearMonth month, BigDecimal amount) {
    }

    private Credit credit(Task task) {
        if (task.status != Status.DONE || task.goalId == null || task.deletedAt != null || task.completedAt == null) {
            return null;
        }
        return new Credit(task.goalId, YearMonth.from(LocalDate.ofInstant(task.completedAt, userDay.zone())),
                task.goalContribution);
    }

    /** Takes back what the task added before and adds what it adds now, when the two differ. */
    private void settle(Credit before, Credit after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            goalValues.book(before.goalId(), before.month(), before.amount().negate());
        }
        if (after != null) {
            goalValues.book(after.goalId(), after.month(), after.amount());
        }
    }

    /** A task from a request body; with {@code activityId}, the activity fills in what the body leaves out. */
    @Transactional
    public Task create(JsonNode body) {
        return create(forms.create(activityService.prefillTask(body), TaskForm.class));
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
        log(task, null);
        settle(null, credit(task));
        goalProgress.refresh(task.goalId);
        publish("task.created", task);
        if (task.status == Status.DONE) {
            nextOccurrence(task);
        }
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
        UUID goalBefore = task.goalId;
        Credit creditBefore = credit(task);
        apply(task, patch.apply(TaskForm.of(task)));
        tasks.flush();
        log(task, before);
        settle(creditBefore, credit(task));
        goalProgress.refresh(task.goalId, goalBefore);
        if (task.status == Status.DONE && before != Status.DONE) {
            nextOccurrence(task);
        }
        publish(task.status == Status.DONE && before != Status.DONE ? "task.completed" : "task.updated", task);
        return task;
    }

    @Transactional
    public Task complete(UUID id, String ifMatch) {
        Task task = get(id);
        ETags.requireMatch(ifMatch, task.version);
        if (task.status != Status.DONE) {
            Credit creditBefore = credit(task);
            Status before = task.status;
            task.status = Status.DONE;
            task.completedAt = Instant.now();
            task.updatedAt = task.completedAt;
            tasks.flush();
            log(task, before);
            settle(creditBefore, credit(task));
            goalProgress.refresh(task.goalId);
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

    /**
     * Completing an occurrence of a recurring task creates the next occurrence as a task of its
     * own (once: a reopened and re-completed occurrence does not make a second). When the rule has
     * no further occurrence the series ends with this one.
     */
    private void nextOccurrence(Task done) {
        if (done.recurrenceRule == null || done.nextOccurrenceId != null) {
            return;
        }
        LocalDateTime current = Recurrence.startOf(done.scheduledDate, done.scheduledTime, done.dueDate, done.dueTime);
        ZoneId zone = ZoneId.of(done.timeZone);
        Set<LocalDate> skipped = Set.copyOf(done.exdates);
        Optional<LocalDateTime> next = done.repeatFromCompletion
                ? Recurrence.nextFromCompletion(done.recurrenceRule, LocalDate.ofInstant(done.completedAt, zone),
                current, done.occurrenceIndex, skipped)
                : Recurrence.next(done.recurrenceRule, done.seriesStart, current, skipped);
        if (next.isEmpty()) {
            return;
        }
        Task task = new Task();
        task.id = Ids.next();
        task.tenantId = done.tenantId;
        task.createdBy = context.userId();
        task.createdAt = Instant.now();
        task.updatedAt = task.createdAt;
        apply(task, TaskForm.of(done));
        task.status = Status.TODO;
        task.completedAt = null;
        task.actualMinutes = null;
        LocalDateTime at = next.get();
        boolean timed = !at.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (done.scheduledDate != null) {
            long shift = ChronoUnit.DAYS.between(done.scheduledDate, at.toLocalDate());
            task.scheduledDate = at.toLocalDate();
            task.scheduledTime = done.scheduledTime != null || timed ? at.toLocalTime() : null;
            task.dueDate = done.dueDate == null ? null : done.dueDate.plusDays(shift);
        } else {
            task.dueDate = at.toLocalDate();
            task.dueTime = done.dueTime != null || timed ? at.toLocalTime() : null;
        }
        task.seriesId = done.seriesId;
        task.seriesStart = done.seriesStart;
        task.occurrenceIndex = done.occurrenceIndex + 1;
        tasks.persist(task);
        tasks.flush();
        done.nextOccurrenceId = task.id;
        tasks.flush();
        log(task, null);
        goalProgress.refresh(task.goalId);
        publish("task.created", task);
    }

    /** Records a status change (or the first status, {@code before} null) in task_logs. */
    private void log(Task task, Status before) {
        if (before == task.status) {
            return;
        }
        TaskLog entry = new TaskLog();
        entry.id = Ids.next();
        entry.tenantId = task.tenantId;
        entry.taskId = task.id;
        entry.oldStatus = before;
        entry.newStatus = task.status;
        entry.changedBy = context.userId();
        entry.changedAt = Instant.now();
        logs.persist(entry);
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
            throw new ProblemException(ProblemType.CONFLICT,
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
        Credit creditBefore = credit(task);
        task.deletedAt = at;
        task.updatedAt = at;
        tasks.flush();
        settle(creditBefore, credit(task));
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
        settle(null, credit(task));
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
        if (form.activityId != null && !form.activityId.equals(task.activityId)
                && activities.findByIdOptional(form.activityId).isEmpty()) {
            throw ProblemException.badField("activityId", "no such activity in this circle");
        }
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
        applyRecurrence(task, form);
        task.updatedAt = Instant.now();
    }

    /**
     * The rule must parse and have a start (a scheduled or due date); the zone defaults to the
     * user's. A new rule (or a first one) starts the series at this occurrence.
     */
    private void applyRecurrence(Task task, TaskForm form) {
        ZoneId zone = null;
        if (form.timeZone != null && !form.timeZone.isBlank()) {
            try {
                zone = ZoneId.of(form.timeZone.strip());
            } catch (DateTimeException e) {
                throw ProblemException.badField("timeZone", "is not an IANA time zone such as Europe/Berlin");
            }
        }
        task.exdates = form.exdates.stream().distinct().sorted().toList();
        task.repeatFromCompletion = form.repeatFromCompletion;
        if (form.recurrenceRule == null || form.recurrenceRule.isBlank()) {
            task.recurrenceRule = null;
            task.timeZone = zone == null ? null : zone.getId();
            return;
        }
        String rule = Recurrence.normalize(form.recurrenceRule);
        Recurrence.parse("recurrenceRule", rule);
        LocalDateTime start = Recurrence.startOf(form.scheduledDate, form.scheduledTime, form.dueDate, form.dueTime);
        if (start == null) {
            throw ProblemException.badField("recurrenceRule",
                    "a recurring task needs a scheduledDate or dueDate to start from (its DTSTART)");
        }
        task.timeZone = (zone == null ? userDay.zone() : zone).getId();
        if (!rule.equals(task.recurrenceRule) || task.seriesStart == null) {
            task.seriesId = task.seriesId == null ? task.id : task.seriesId;
            task.seriesStart = start;
            task.occurrenceIndex = 1;
        }
        task.recurrenceRule = rule;
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
