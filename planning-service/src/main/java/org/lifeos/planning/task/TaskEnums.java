package org.lifeos.planning.task;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Task status, priority and energy level (seed 000); JSON and the database use the lower-case form. */
public final class TaskEnums {

    private TaskEnums() {
    }

    public enum Status {
        BACKLOG, TODO, IN_PROGRESS, BLOCKED, DONE, CANCELLED;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Priority {
        CRITICAL, HIGH, MEDIUM, LOW;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum EnergyLevel {
        HIGH, MEDIUM, LOW;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }

    public static class PriorityConverter extends LowerCaseEnumConverter<Priority> {
        public PriorityConverter() {
            super(Priority.class);
        }
    }

    public static class EnergyLevelConverter extends LowerCaseEnumConverter<EnergyLevel> {
        public EnergyLevelConverter() {
            super(EnergyLevel.class);
        }
    }
}
