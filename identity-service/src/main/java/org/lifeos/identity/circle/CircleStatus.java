package org.lifeos.identity.circle;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A dissolved circle is gone for everyone: no member may act in it any more. */
public enum CircleStatus {
    ACTIVE, DISSOLVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case form, in which enums travel in JSON, in problems and in the database. */
    @Override
    public String toString() {
        return value();
    }

    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnumConverter<CircleStatus> {
        public Column() {
            super(CircleStatus.class);
        }
    }
}
