package org.lifeos.content.library;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What a saved library item is; JSON and the database use the lower-case form. */
public enum LibraryType {
    ARTICLE, VIDEO, PODCAST, BOOK, PAPER, TOOL, OTHER;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<LibraryType> {
        public Converter() {
            super(LibraryType.class);
        }
    }
}
