package org.lifeos.planning.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.goal.GoalEnums.Level;
import org.lifeos.planning.goal.GoalEnums.Status;

/** What the goals API reads and writes; entities never leave the service. */
public final class GoalDtos {

    private GoalDtos() {
    }

    public record GoalView(UUID id, UUID domainId, UUID parentId, String title, String description, Level level,
                           Status status, LocalDate targetDate, BigDecimal targetValue, BigDecimal currentValue,
                           String unit, int progressPct, int sortOrder, Instant completedAt, Instant createdAt,
                           Instant updatedAt, long version) {

        static GoalView of(Goal goal) {
            return new GoalView(goal.id, goal.domainId, goal.parentId, goal.title, goal.description, goal.level,
                    goal.status, goal.targetDate, goal.targetValue, goal.currentValue, goal.unit, goal.progressPct,
                    goal.sortOrder, goal.completedAt, goal.createdAt, goal.updatedAt, goal.version);
        }
    }

    /**
     * A goal as a client writes it; POST reads it whole, PATCH merges into the current values.
     * There is no progressPct: it is derived.
     */
    public static class GoalForm {
        @NotNull
        public UUID domainId;

        public UUID parentId;

        @NotBlank
        @Size(max = 255)
        public String title;

        @Size(max = 20_000)
        public String description;

        @NotNull
        public Level level;

        @NotNull
        public Status status = Status.ACTIVE;

        public LocalDate targetDate;

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 12, fraction = 2)
        public BigDecimal targetValue;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        public BigDecimal currentValue = BigDecimal.ZERO;

        @Size(max = 20)
        public String unit;

        @Min(0)
        @Max(1_000_000)
        public int sortOrder;

        static GoalForm of(Goal goal) {
            GoalForm form = new GoalForm();
            form.domainId = goal.domainId;
            form.parentId = goal.parentId;
            form.title = goal.title;
            form.description = goal.description;
            form.level = goal.level;
            form.status = goal.status;
            form.targetDate = goal.targetDate;
            form.targetValue = goal.targetValue;
            form.currentValue = goal.currentValue;
            form.unit = goal.unit;
            form.sortOrder = goal.sortOrder;
            return form;
        }
    }

    /** One month's value of a goal (seed 004 {@code monthly}) and optionally its target ({@code monthly_targets}). */
    public static class MonthlyForm {
        @NotNull
        @Digits(integer = 12, fraction = 2)
        public BigDecimal value;

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 12, fraction = 2)
        public BigDecimal target;
    }

    public record GoalMonthsView(UUID goalId, BigDecimal currentValue, BigDecimal targetValue, String unit,
                                int progressPct, List<GoalValues.MonthlyValueView> months) {
    }
}
