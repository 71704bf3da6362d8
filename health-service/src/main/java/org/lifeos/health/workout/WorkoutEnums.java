package org.lifeos.health.workout;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A workout's kind and intensity; JSON and the database use the lower-case form. */
public final class WorkoutEnums {

    private WorkoutEnums() {
    }

    public enum WorkoutType {
        STRENGTH, CARDIO, RUN, WALK, CYCLE, SWIM, YOGA, SPORT, OTHER;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Intensity {
        LOW, MODERATE, HIGH;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class TypeConverter extends LowerCaseEnumConverter<WorkoutType> {
        public TypeConverter() {
            super(WorkoutType.class);
        }
    }

    public static class IntensityConverter extends LowerCaseEnumConverter<Intensity> {
        public IntensityConverter() {
            super(Intensity.class);
        }
    }
}
