package org.lifeos.planning.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskEnums.Priority;
import org.lifeos.planning.task.TaskEnums.Status;

/** What the tasks API reads and writes; entities never leave the service. */
public final class TaskDtos {

    private TaskDtos() {
    }

    public record TaskView(UUID id, UUID domainId, UUID parentId, UUID goalId, BigDecimal goalContribution,
                           UUID activityId, String title, String description, Status status,
                           Priority priority, EnergyLevel energyLevel, Integer estimatedMinutes,
                           Integer actualMinutes, int timeBlockMinutes, LocalDate dueDate, LocalTime dueTime,
                           LocalDate scheduledDate, LocalTime scheduledTime, boolean quickWin, List<String> tags,
                           int sortOrder, String recurrenceRule, List<LocalDate> exdates,
                           boolean repeatFromCompletion, String timeZone, OffsetDateTime startsAt, UUID seriesId,
                           int occurrenceIndex, UUID nextOccurrenceId, UUID sprintId, UUID columnId,
                           Integer boardPosition, Instant completedAt, Instant deletedAt,
                           Instant createdAt, Instant updatedAt, long version) {

        public static TaskView of(Task task) {
            return new TaskView(task.id, task.domainId, task.parentId, task.goalId, task.goalContribution,
                    task.activityId, task.title, task.description, task.status,
                    task.priority, task.energyLevel, task.estimatedMinutes, task.actualMinutes,
                    task.timeBlockMinutes, task.dueDate, task.dueTime, task.scheduledDate, task.scheduledTime,
                    task.quickWin, List.copyOf(task.tags), task.sortOrder, task.recurrenceRule,
                    List.copyOf(task.exdates), task.repeatFromCompletion, task.timeZone, startOf(task),
                    task.seriesId, task.occurrenceIndex, task.nextOccurrenceId, task.sprintId, task.columnId,
                    task.boardPosition, task.completedAt, task.deletedAt,
                    task.createdAt, task.updatedAt, task.version);
        }
    }

    /** The occurrence's start in its time zone, when it has a date and a zone. */
    private static OffsetDateTime startOf(Task task) {
        LocalDateTime start = Recurrence.startOf(task.scheduledDate, task.scheduledTime, task.dueDate, task.dueTime);
        if (start == null || task.timeZone == null) {
            return null;
        }
        return start.atZone(ZoneId.of(task.timeZone)).toOffsetDateTime();
    }

    /**
     * A task as a client writes it. POST reads it whole (defaults below); PATCH merges the
     * fields sent into the current values and validates the result.
     */
    public static class TaskForm {
        @NotNull
        public UUID domainId;

        public UUID parentId;

        /** A goal of this circle this task moves forward; its progress counts the task when done. */
        public UUID goalId;

        /**
         * The catalog activity the task is made from: on create, what the body leaves out (title,
         * estimate, time block, energy, domain, description) comes from it, and it counts a use.
         */
        public UUID activityId;

        /** Added to the goal's current value when the task is done (taken back if it is reopened). */
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 12, fraction = 2)
        public BigDecimal goalContribution = BigDecimal.ONE;

        @NotBlank
        @Size(max = 500)
        public String title;

        @Size(max = 20_000)
        public String description;

        @NotNull
        public Status status = Status.TODO;

        @NotNull
        public Priority priority = Priority.MEDIUM;

        @NotNull
        public EnergyLevel energyLevel = EnergyLevel.MEDIUM;

        @Min(0)
        @Max(100_000)
        public Integer estimatedMinutes;

        @Min(0)
        @Max(100_000)
        public Integer actualMinutes;

        @Min(5)
        @Max(1440)
        public int timeBlockMinutes = 90;

        public LocalDate dueDate;

        public LocalTime dueTime;

        public LocalDate scheduledDate;

        public LocalTime scheduledTime;

        public boolean quickWin;

        @NotNull
        @Size(max = 50, message = "must have at most 50 tags")
        public List<@NotBlank @Size(max = 50) @Pattern(regexp = "^[^,\\s][^,]*$",
                message = "must not contain commas or start with a space") String> tags = new ArrayList<>();

        @Min(0)
        @Max(1_000_000)
        public int sortOrder;

        /** RFC 5545 RRULE, e.g. {@code FREQ=WEEKLY;BYDAY=MO,WE}; needs a scheduledDate or dueDate. */
        @Size(max = 255)
        public String recurrenceRule;

        @NotNull
        @Size(max = 200)
        public List<@NotNull LocalDate> exdates = new ArrayList<>();

        public boolean repeatFromCompletion;

        /** IANA zone of the dates and times; default: the user's (token {@code zoneinfo}, else UTC). */
        @Size(max = 64)
        public String timeZone;

        static TaskForm of(Task task) {
            TaskForm form = new TaskForm();
            form.domainId = task.domainId;
            form.parentId = task.parentId;
            form.goalId = task.goalId;
            form.goalContribution = task.goalContribution;
            form.activityId = task.activityId;
            form.title = task.title;
            form.description = task.description;
            form.status = task.status;
            form.priority = task.priority;
            form.energyLevel = task.energyLevel;
            form.estimatedMinutes = task.estimatedMinutes;
            form.actualMinutes = task.actualMinutes;
            form.timeBlockMinutes = task.timeBlockMinutes;
            form.dueDate = task.dueDate;
            form.dueTime = task.dueTime;
            form.scheduledDate = task.scheduledDate;
            form.scheduledTime = task.scheduledTime;
            form.quickWin = task.quickWin;
            form.tags = new ArrayList<>(task.tags);
            form.sortOrder = task.sortOrder;
            form.recurrenceRule = task.recurrenceRule;
            form.exdates = new ArrayList<>(task.exdates);
            form.repeatFromCompletion = task.repeatFromCompletion;
            form.timeZone = task.timeZone;
            return form;
        }
    }

    public record TaskLogView(UUID id, Status oldStatus, Status newStatus, UUID changedBy, Instant changedAt) {

        static TaskLogView of(TaskLog log) {
            return new TaskLogView(log.id, log.oldStatus, log.newStatus, log.changedBy, log.changedAt);
        }
    }
}
