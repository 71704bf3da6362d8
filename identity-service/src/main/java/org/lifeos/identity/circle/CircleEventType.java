package org.lifeos.identity.circle;

import java.util.Locale;

import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What can happen to a circle; recorded in circle_events. */
public enum CircleEventType {
    CREATED, RENAMED, DISSOLVED, OWNER_TRANSFERRED, MEMBER_ADDED, MEMBER_REMOVED, MEMBER_LEFT, ROLE_CHANGED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case form, in which enums travel in JSON, in problems and in the database. */
    @Override
    public String toString() {
        return value();
    }

    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnumConverter<CircleEventType> {
        public Column() {
            super(CircleEventType.class);
        }
    }
}
