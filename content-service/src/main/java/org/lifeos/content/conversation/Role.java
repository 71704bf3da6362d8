package org.lifeos.content.conversation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Who wrote a message. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<Role> {
        public Converter() {
            super(Role.class);
        }
    }
}
