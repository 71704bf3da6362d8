package org.lifeos.content.calendar;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Content type and status of a calendar entry (seed 000); JSON and the database use the lower-case form. */
public final class CalendarEnums {

    private CalendarEnums() {
    }

    public enum ContentType {
        PHOTO_SET, VIDEO, STORY, POST;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** idea → planned → created → scheduled → published, one step at a time; published is final. */
    public enum Status {
        IDEA, PLANNED, CREATED, SCHEDULED, PUBLISHED;

        public boolean canBecome(Status next) {
            return next == this || next.ordinal() == ordinal() + 1;
        }

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class ContentTypeConverter extends LowerCaseEnumConverter<ContentType> {
        public ContentTypeConverter() {
            super(ContentType.class);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }
}
