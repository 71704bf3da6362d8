package org.lifeos.finance.contact;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What a contact is to the circle (seed 000). */
public enum ContactType {
    CLIENT, AGENCY, COLLABORATOR, PROVIDER, OTHER;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<ContactType> {
        public Converter() {
            super(ContactType.class);
        }
    }
}
