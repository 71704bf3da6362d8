package org.lifeos.planning.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.sprint.SprintEnums.Status;
import org.lifeos.planning.task.TaskEnums;

/** What the sprints API reads and writes; entities never leave the service. */
public final class SprintDtos {

    private SprintDtos() {
    }

    public record SprintView(UUID id, UUID domainId, String name, LocalDate startDate, LocalDate endDate,
                             Status status, String goal, String retrospective, Integer cycleOnDays,
                             Integer cycleOffDays, UUID previousSprintId, long taskCount, long doneTaskCount,
                             Instant completedAt, Instant createdAt, Instant updatedAt, long version) {

        static SprintView of(Sprint sprint, long taskCount, long doneTaskCount) {
            return new SprintView(sprint.id, sprint.domainId, sprint.name, sprint.startDate, sprint.endDate,
                    sprint.status, sprint.goal, sprint.retrospective, sprint.cycleOnDays, sprint.cycleOffDays,
                    sprint.previousSprintId, taskCount, doneTaskCount, sprint.completedAt, sprint.createdAt,
                    sprint.updatedAt, sprint.version);
        }
    }

    /** A task of a sprint as the sprint lists it. */
    public record SprintTaskView(UUID id, String title, TaskEnums.Status status, TaskEnums.Priority priority) {
    }

    /**
     * A sprint as a client writes it; POST reads it whole, PATCH merges into the current values.
     * With a cycle ({@code cycleOnDays} and {@code cycleOffDays}, seed 004: 21 and 7) the end date
     * may be left out: it is derived as {@code startDate + cycleOnDays - 1}.
     */
    public static class SprintForm {
        public UUID domainId;

        @NotBlank
        @Size(max = 255)
        public String name;

        @NotNull
        public LocalDate startDate;

        public LocalDate endDate;

        @NotNull
        public Status status = Status.PLANNED;

        @Size(max = 5_000)
        public String goal;

        @Size(max = 20_000)
        public String retrospective;

        @Min(1)
        @Max(365)
        public Integer cycleOnDays;

        @Min(0)
        @Max(365)
        public Integer cycleOffDays;

        static SprintForm of(Sprint sprint) {
            SprintForm form = new SprintForm();
            form.domainId = sprint.domainId;
            form.name = sprint.name;
            form.startDate = sprint.startDate;
            form.endDate = sprint.endDate;
            form.status = sprint.status;
            form.goal = sprint.goal;
            form.retrospective = sprint.retrospective;
            form.cycleOnDays = sprint.cycleOnDays;
            form.cycleOffDays = sprint.cycleOffDays;
            return form;
        }
    }

    /** The next sprint of a cycle: dates are derived, a name may be given. */
    public static class NextSprintForm {
        @Size(max = 255)
        public String name;

        @Size(max = 5_000)
        public String goal;
    }
}
