package org.lifeos.planning.goal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Goal level and status (seed 000); JSON and the database use the lower-case form. */
public final class GoalEnums {

    private GoalEnums() {
    }

    /** Broadest first: a goal's children are exactly one level below it. */
    public enum Level {
        YEARLY, QUARTERLY, MONTHLY, WEEKLY;

        public boolean isDirectlyBelow(Level parent) {
            return ordinal() == parent.ordinal() + 1;
        }

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        ACTIVE, PAUSED, COMPLETED, ABANDONED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
                ACTIVE, EnumSet.of(PAUSED, COMPLETED, ABANDONED),
                PAUSED, EnumSet.of(ACTIVE, COMPLETED, ABANDONED),
                COMPLETED, EnumSet.of(ACTIVE),
                ABANDONED, EnumSet.of(ACTIVE));

        /** Active and paused goals may end either way; an ended goal can only be reopened (active). */
        public boolean canBecome(Status next) {
            return next == this || NEXT.get(this).contains(next);
        }

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class LevelConverter extends LowerCaseEnumConverter<Level> {
        public LevelConverter() {
            super(Level.class);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }
}
