package org.lifeos.identity.circle;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A personal circle is made for each user at first sign-in and is theirs alone; shared ones have members. */
public enum CircleKind {
    PERSONAL, SHARED;

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
    public static class Column extends LowerCaseEnumConverter<CircleKind> {
        public Column() {
            super(CircleKind.class);
        }
    }
}
