package org.lifeos.content.common;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Where content is published (issue 17); JSON, paths and the database use the lower-case form. */
public enum ContentPlatform {
    INSTAGRAM, TIKTOK, YOUTUBE, X, LINKEDIN, ONLYFANS, PATREON, BLOG, NEWSLETTER, OTHER;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<ContentPlatform> {
        public Converter() {
            super(ContentPlatform.class);
        }
    }
}
