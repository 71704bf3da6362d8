package org.lifeos.planning.dailyplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lifeos.planning.task.TaskEnums.EnergyLevel;

/** What the daily plans API reads and writes; entities never leave the service. */
public final class DailyPlanDtos {

    private DailyPlanDtos() {
    }

    public record DailyPlanView(UUID id, UUID userId, LocalDate date, EnergyLevel energyLevel,
                                List<UUID> focusDomains, String morningIntention, String eveningReflection,
                                Integer moodMorning, Integer moodEvening, Instant createdAt, Instant updatedAt,
                                long version) {

        public static DailyPlanView of(DailyPlan plan) {
            return new DailyPlanView(plan.id, plan.userId, plan.date, plan.energyLevel, List.copyOf(plan.focusDomains),
                    plan.morningIntention, plan.eveningReflection, plan.moodMorning, plan.moodEvening,
                    plan.createdAt, plan.updatedAt, plan.version);
        }
    }

    /**
     * A day's plan as a client writes it. PUT replaces the whole plan (absent fields are
     * cleared); PATCH merges the fields sent into the current plan.
     */
    public static class DailyPlanForm {
        public EnergyLevel energyLevel;

        @NotNull
        @Size(max = 20, message = "must have at most 20 domains")
        public List<@NotNull UUID> focusDomains = new ArrayList<>();

        @Size(max = 5_000)
        public String morningIntention;

        @Size(max = 20_000)
        public String eveningReflection;

        @Min(1)
        @Max(5)
        public Integer moodMorning;

        @Min(1)
        @Max(5)
        public Integer moodEvening;

        static DailyPlanForm of(DailyPlan plan) {
            DailyPlanForm form = new DailyPlanForm();
            form.energyLevel = plan.energyLevel;
            form.focusDomains = new ArrayList<>(plan.focusDomains);
            form.morningIntention = plan.morningIntention;
            form.eveningReflection = plan.eveningReflection;
            form.moodMorning = plan.moodMorning;
            form.moodEvening = plan.moodEvening;
            return form;
        }
    }
}
