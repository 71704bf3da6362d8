package org.lifeos.identity.member;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A member's role in a circle, strongest first. A circle has exactly one owner. */
public enum Role {
    OWNER, ADMIN, EDITOR, VISITOR;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case form, in which enums travel in JSON, in problems and in the database. */
    @Override
    public String toString() {
        return value();
    }

    /** True when this role ranks above {@code other} (owner above admin above editor above visitor). */
    public boolean outranks(Role other) {
        return ordinal() < other.ordinal();
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnumConverter<Role> {
        public Column() {
            super(Role.class);
        }
    }
}
