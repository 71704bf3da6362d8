package org.lifeos.planning.roadmap;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Roadmap and milestone status; JSON and the database use the lower-case form. */
public final class RoadmapEnums {

    private RoadmapEnums() {
    }

    public enum Status {
        ACTIVE, COMPLETED, ARCHIVED;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum MilestoneStatus {
        PLANNED, IN_PROGRESS, DONE;

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

    public static class MilestoneStatusConverter extends LowerCaseEnumConverter<MilestoneStatus> {
        public MilestoneStatusConverter() {
            super(MilestoneStatus.class);
        }
    }
}
