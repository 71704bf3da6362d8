package org.lifeos.planning.habit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Habit frequency, time of day and check-in status (seed 000); JSON and the database use the lower-case form. */
public final class HabitEnums {

    private HabitEnums() {
    }

    public enum Frequency {
        DAILY, WEEKLY, CUSTOM;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum TimeOfDay {
        MORNING, AFTERNOON, EVENING, ANYTIME;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Done and partial count towards a streak; skipped excuses its day (or week) without counting. */
    public enum CheckInStatus {
        DONE, SKIPPED, PARTIAL;

        public boolean counts() {
            return this != SKIPPED;
        }

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class FrequencyConverter extends LowerCaseEnumConverter<Frequency> {
        public FrequencyConverter() {
            super(Frequency.class);
        }
    }

    public static class TimeOfDayConverter extends LowerCaseEnumConverter<TimeOfDay> {
        public TimeOfDayConverter() {
            super(TimeOfDay.class);
        }
    }

    public static class CheckInStatusConverter extends LowerCaseEnumConverter<CheckInStatus> {
        public CheckInStatusConverter() {
            super(CheckInStatus.class);
        }
    }
}
