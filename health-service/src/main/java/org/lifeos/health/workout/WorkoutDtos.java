package org.lifeos.health.workout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.health.workout.WorkoutEnums.Intensity;
import org.lifeos.health.workout.WorkoutEnums.WorkoutType;

/** What the workouts API reads and writes. */
public final class WorkoutDtos {

    private WorkoutDtos() {
    }

    @Schema(name = "Workout")
    public record WorkoutView(UUID id, LocalDate date, WorkoutType type, String title, int durationMinutes,
                              Intensity intensity, BigDecimal distanceKm, Integer calories, String notes,
                              Instant createdAt, Instant updatedAt, long version) {

        static WorkoutView of(Workout w) {
            return new WorkoutView(w.id, w.date, w.type, w.title, w.durationMinutes, w.intensity, w.distanceKm,
                    w.calories, w.notes, w.createdAt, w.updatedAt, w.version);
        }
    }

    @Schema(name = "WorkoutForm")
    public static class WorkoutForm {
        @NotNull
        public LocalDate date;

        @NotNull
        public WorkoutType type;

        @Size(max = 255)
        public String title;

        @NotNull
        @Min(1)
        @Max(1440)
        public Integer durationMinutes;

        public Intensity intensity;

        @DecimalMin("0")
        @Digits(integer = 6, fraction = 2)
        public BigDecimal distanceKm;

        @Min(0)
        @Max(100_000)
        public Integer calories;

        @Size(max = 20_000)
        public String notes;

        static WorkoutForm of(Workout w) {
            WorkoutForm form = new WorkoutForm();
            form.date = w.date;
            form.type = w.type;
            form.title = w.title;
            form.durationMinutes = w.durationMinutes;
            form.intensity = w.intensity;
            form.distanceKm = w.distanceKm;
            form.calories = w.calories;
            form.notes = w.notes;
            return form;
        }
    }
}
