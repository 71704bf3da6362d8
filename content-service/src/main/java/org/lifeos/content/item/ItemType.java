package org.lifeos.content.item;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What kind of piece an item is; JSON and the database use the lower-case form. */
public enum ItemType {
    POST, PHOTO_SET, VIDEO, STORY, REEL, SHORT, LIVE, ARTICLE, ISSUE, OTHER;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<ItemType> {
        public Converter() {
            super(ItemType.class);
        }
    }
}
