package org.lifeos.identity.policy;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What a role may do to a resource. */
public enum Action {
    READ, WRITE, DELETE, MANAGE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case form, in which enums travel in JSON, in problems and in the database. */
    @Override
    public String toString() {
        return value();
    }

    public static Optional<Action> parse(String value) {
        for (Action action : values()) {
            if (action.value().equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnumConverter<Action> {
        public Column() {
            super(Action.class);
        }
    }
}
