package org.lifeos.health.medical;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A medical entry's kind (seed 000); JSON and the database use the lower-case form. */
public enum EntryType {
    HRT_DOSE, APPOINTMENT, LAB_RESULT, PRESCRIPTION, NOTE;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<EntryType> {
        public Converter() {
            super(EntryType.class);
        }
    }
}
