package org.lifeos.planning.sprint;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Sprint status (seed 000); JSON and the database use the lower-case form. */
public final class SprintEnums {

    private SprintEnums() {
    }

    public enum Status {
        PLANNED, ACTIVE, COMPLETED, CANCELLED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
                PLANNED, EnumSet.of(ACTIVE, CANCELLED),
                ACTIVE, EnumSet.of(COMPLETED, CANCELLED),
                COMPLETED, EnumSet.noneOf(Status.class),
                CANCELLED, EnumSet.noneOf(Status.class));

        /** planned → active → completed; planned or active may be cancelled; an ended sprint stays ended. */
        public boolean canBecome(Status next) {
            return next == this || NEXT.get(this).contains(next);
        }

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
}
