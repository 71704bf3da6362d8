package org.lifeos.planning.timeblock;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Time block type and status (seed 000); JSON and the database use the lower-case form. */
public final class TimeBlockEnums {

    private TimeBlockEnums() {
    }

    public enum BlockType {
        WORK, PERSONAL, HEALTH, BREAK, TRANSIT;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        PLANNED, IN_PROGRESS, COMPLETED, SKIPPED, RESCHEDULED;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class BlockTypeConverter extends LowerCaseEnumConverter<BlockType> {
        public BlockTypeConverter() {
            super(BlockType.class);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }
}
