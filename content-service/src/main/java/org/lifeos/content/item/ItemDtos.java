package org.lifeos.content.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.content.common.ContentPlatform;

/** What the items API reads and writes; entities never leave the service. */
public final class ItemDtos {

    private ItemDtos() {
    }

    public record ItemView(UUID id, ContentPlatform platform, ItemType contentType, String title, String url,
                           String externalId, LocalDate publishedDate, UUID calendarEntryId, List<UUID> taskIds,
                           Instant createdAt, Instant updatedAt, long version) {

        public static ItemView of(ContentItem item) {
            return new ItemView(item.id, item.platform, item.contentType, item.title, item.url, item.externalId,
                    item.publishedDate, item.calendarEntryId, List.of(item.taskIds), item.createdAt,
                    item.updatedAt, item.version);
        }
    }

    /** An item as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class ItemForm {
        @NotNull
        public ContentPlatform platform;

        @NotNull
        public ItemType contentType;

        @NotBlank
        @Size(max = 500)
        public String title;

        @Size(max = 2048)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        public String url;

        @Schema(description = "The platform's own id of the piece; unique per platform in the circle")
        @Size(max = 255)
        public String externalId;

        public LocalDate publishedDate;

        @Schema(description = "A calendar entry of the same circle this piece came from")
        public UUID calendarEntryId;

        @Schema(description = "planning-service task ids this piece was worked on under")
        @NotNull
        @Size(max = 100)
        public List<@NotNull UUID> taskIds = new ArrayList<>();

        static ItemForm of(ContentItem item) {
            ItemForm form = new ItemForm();
            form.platform = item.platform;
            form.contentType = item.contentType;
            form.title = item.title;
            form.url = item.url;
            form.externalId = item.externalId;
            form.publishedDate = item.publishedDate;
            form.calendarEntryId = item.calendarEntryId;
            form.taskIds = new ArrayList<>(List.of(item.taskIds));
            return form;
        }
    }
}
