package org.lifeos.planning.habit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.lifeos.planning.habit.HabitEnums.CheckInStatus;
import org.lifeos.planning.habit.HabitEnums.Frequency;
import org.lifeos.planning.habit.HabitEnums.TimeOfDay;
import org.lifeos.platform.error.ProblemException;

/** What the habits API reads and writes; entities never leave the service. */
public final class HabitDtos {

    private HabitDtos() {
    }

    public record HabitView(UUID id, UUID domainId, String name, String description, Frequency frequency,
                            FrequencyConfig frequencyConfig, TimeOfDay timeOfDay, Integer estimatedMinutes,
                            boolean active, int streakCurrent, int streakBest, Instant createdAt,
                            Instant updatedAt, long version) {

        /** The habit with its current streak as of the moment the caller asks about. */
        static HabitView of(Habit habit, int streakCurrent) {
            return new HabitView(habit.id, habit.domainId, habit.name, habit.description, habit.frequency,
                    FrequencyConfig.of(habit.frequencyConfig), habit.timeOfDay, habit.estimatedMinutes,
                    habit.active, streakCurrent, habit.streakBest, habit.createdAt, habit.updatedAt,
                    habit.version);
        }
    }

    /**
     * How often a habit is due, in the shape of seed 000's {@code frequency_config}: at most one of
     * {@code daysOfWeek} (1 = Monday .. 7 = Sunday), {@code intervalDays}, {@code timesPerWeek}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FrequencyConfig {
        @Size(min = 1, max = 7, message = "must list 1 to 7 days")
        public List<@NotNull @Min(1) @Max(7) Integer> daysOfWeek;

        @Min(1)
        @Max(365)
        public Integer intervalDays;

        @Min(1)
        @Max(7)
        public Integer timesPerWeek;

        static FrequencyConfig of(Map<String, Object> stored) {
            FrequencyConfig config = new FrequencyConfig();
            if (stored.get("daysOfWeek") instanceof List<?> days) {
                config.daysOfWeek = days.stream().map(d -> ((Number) d).intValue()).toList();
            }
            if (stored.get("intervalDays") instanceof Number n) {
                config.intervalDays = n.intValue();
            }
            if (stored.get("timesPerWeek") instanceof Number n) {
                config.timesPerWeek = n.intValue();
            }
            return config;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            if (daysOfWeek != null) {
                map.put("daysOfWeek", daysOfWeek.stream().distinct().sorted().toList());
            }
            if (intervalDays != null) {
                map.put("intervalDays", intervalDays);
            }
            if (timesPerWeek != null) {
                map.put("timesPerWeek", timesPerWeek);
            }
            return map;
        }

        private int keys() {
            return (daysOfWeek != null ? 1 : 0) + (intervalDays != null ? 1 : 0) + (timesPerWeek != null ? 1 : 0);
        }

        /**
         * The schedule of a frequency with this config, or a 400 naming {@code frequencyConfig}:
         * daily takes no config; weekly takes none (once a week), {@code daysOfWeek} or
         * {@code timesPerWeek}; custom takes exactly one of the three.
         */
        Schedule schedule(Frequency frequency) {
            int keys = keys();
            if (keys > 1) {
                throw ProblemException.badField("frequencyConfig",
                        "must set only one of daysOfWeek, intervalDays, timesPerWeek");
            }
            switch (frequency) {
                case DAILY -> {
                    if (keys != 0) {
                        throw ProblemException.badField("frequencyConfig", "must be empty for a daily habit");
                    }
                    return Schedule.daily();
                }
                case WEEKLY -> {
                    if (intervalDays != null) {
                        throw ProblemException.badField("frequencyConfig.intervalDays",
                                "is for custom habits; a weekly habit takes daysOfWeek or timesPerWeek");
                    }
                    if (keys == 0) {
                        return new Schedule.TimesPerWeek(1);
                    }
                }
                case CUSTOM -> {
                    if (keys == 0) {
                        throw ProblemException.badField("frequencyConfig",
                                "a custom habit needs one of daysOfWeek, intervalDays, timesPerWeek");
                    }
                }
                default -> throw new IllegalStateException(frequency.name());
            }
            if (daysOfWeek != null) {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                daysOfWeek.forEach(d -> days.add(DayOfWeek.of(d)));
                return new Schedule.OnDays(days);
            }
            if (intervalDays != null) {
                return new Schedule.EveryDays(intervalDays);
            }
            return new Schedule.TimesPerWeek(timesPerWeek);
        }
    }

    /** A habit as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class HabitForm {
        @NotNull
        public UUID domainId;

        @NotBlank
        @Size(max = 255)
        public String name;

        @Size(max = 20_000)
        public String description;

        @NotNull
        public Frequency frequency = Frequency.DAILY;

        @NotNull
        @Valid
        public FrequencyConfig frequencyConfig = new FrequencyConfig();

        @NotNull
        public TimeOfDay timeOfDay = TimeOfDay.ANYTIME;

        @Min(0)
        @Max(1440)
        public Integer estimatedMinutes;

        public boolean active = true;

        static HabitForm of(Habit habit) {
            HabitForm form = new HabitForm();
            form.domainId = habit.domainId;
            form.name = habit.name;
            form.description = habit.description;
            form.frequency = habit.frequency;
            form.frequencyConfig = FrequencyConfig.of(habit.frequencyConfig);
            form.timeOfDay = habit.timeOfDay;
            form.estimatedMinutes = habit.estimatedMinutes;
            form.active = habit.active;
            return form;
        }
    }

    /** A check-in's body on PUT .../check-ins/{date}: the date is the path's. */
    public static class CheckInForm {
        @NotNull
        public CheckInStatus status;

        @Min(1)
        @Max(5)
        public Integer qualityRating;

        @Size(max = 5_000)
        public String notes;
    }

    /** A check-in's body on POST .../check-ins: the date defaults to the caller's today. */
    public static class NewCheckInForm extends CheckInForm {
        public LocalDate date;
    }

    public record CheckInView(UUID id, UUID habitId, UUID userId, LocalDate date, CheckInStatus status,
                              Integer qualityRating, String notes, Instant completedAt, Instant createdAt,
                              Instant updatedAt, long version, int streakCurrent, int streakBest) {

        /** The check-in with its habit's streaks, the current one as of the moment the caller asks about. */
        static CheckInView of(HabitCheckIn checkIn, Habit habit, int streakCurrent) {
            return new CheckInView(checkIn.id, checkIn.habitId, checkIn.userId, checkIn.date, checkIn.status,
                    checkIn.qualityRating, checkIn.notes, checkIn.completedAt, checkIn.createdAt,
                    checkIn.updatedAt, checkIn.version, streakCurrent, habit.streakBest);
        }
    }
}
