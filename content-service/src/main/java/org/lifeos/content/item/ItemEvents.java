package org.lifeos.content.item;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What {@code content.item} carries; the record stays in content-service until a second service
 * consumes it (then it moves to contracts).
 */
public final class ItemEvents {

    public static final String TOPIC = "content.item";
    public static final String CREATED = "item.created";
    public static final String UPDATED = "item.updated";
    public static final String DELETED = "item.deleted";

    private ItemEvents() {
    }

    /** An item as other services may act on it; read the item for the rest. */
    public record ItemChanged(UUID itemId, String platform, String contentType, String title, LocalDate publishedDate,
                              UUID calendarEntryId, long version) {

        static ItemChanged of(ContentItem item) {
            return new ItemChanged(item.id, item.platform.toString(), item.contentType.toString(), item.title,
                    item.publishedDate, item.calendarEntryId, item.version);
        }
    }
}
