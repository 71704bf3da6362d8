package org.lifeos.planning.task;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lifeos.planning.task.TaskDtos.TaskForm;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.error.ProblemException;

/**
 * The recurrence side of a task: the rule, exceptions and zone a write sets, and the occurrence
 * that follows a completed one. {@link Recurrence} does the RRULE arithmetic; this class decides
 * what a task's fields become.
 */
@ApplicationScoped
public class TaskRecurrence {

    private final UserDay userDay;

    public TaskRecurrence(UserDay userDay) {
        this.userDay = userDay;
    }

    /**
     * The rule must parse and have a start (a scheduled or due date); the zone defaults to the
     * user's. A new rule (or a first one) starts the series at this occurrence.
     */
    void apply(Task task, TaskForm form) {
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

    /**
     * The occurrence after {@code done} as a new task's form (open, not yet worked on, its dates
     * moved to the next occurrence), when {@code done} recurs, has no successor yet (a reopened and
     * re-completed occurrence does not make a second) and the rule has a further occurrence.
     */
    Optional<TaskForm> next(Task done) {
        if (done.recurrenceRule == null || done.nextOccurrenceId != null) {
            return Optional.empty();
        }
        LocalDateTime current = Recurrence.startOf(done.scheduledDate, done.scheduledTime, done.dueDate, done.dueTime);
        ZoneId zone = ZoneId.of(done.timeZone);
        Set<LocalDate> skipped = Set.copyOf(done.exdates);
        Optional<LocalDateTime> next = done.repeatFromCompletion
                ? Recurrence.nextFromCompletion(done.recurrenceRule, LocalDate.ofInstant(done.completedAt, zone),
                current, done.occurrenceIndex, skipped)
                : Recurrence.next(done.recurrenceRule, done.seriesStart, current, skipped);
        return next.map(at -> {
            TaskForm form = TaskForm.of(done);
            form.status = Status.TODO;
            form.actualMinutes = null;
            boolean timed = !at.toLocalTime().equals(LocalTime.MIDNIGHT);
            if (done.scheduledDate != null) {
                long shift = ChronoUnit.DAYS.between(done.scheduledDate, at.toLocalDate());
                form.scheduledDate = at.toLocalDate();
                form.scheduledTime = done.scheduledTime != null || timed ? at.toLocalTime() : null;
                form.dueDate = done.dueDate == null ? null : done.dueDate.plusDays(shift);
            } else {
                form.dueDate = at.toLocalDate();
                form.dueTime = done.dueTime != null || timed ? at.toLocalTime() : null;
            }
            return form;
        });
    }

    /** The next occurrence continues {@code done}'s series, one further along it. */
    static void continueSeries(Task next, Task done) {
        next.seriesId = done.seriesId;
        next.seriesStart = done.seriesStart;
        next.occurrenceIndex = done.occurrenceIndex + 1;
    }
}
