package org.lifeos.content.reader;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the feed sources and feed items APIs read and write. */
public final class ReaderDtos {

    private ReaderDtos() {
    }

    public record SourceView(UUID id, String title, String url, Instant lastFetchedAt, Integer lastStatus,
                             String lastError, int failureCount, Instant nextAttemptAt, Instant createdAt,
                             Instant updatedAt, long version) {

        public static SourceView of(FeedSource source) {
            return new SourceView(source.id, source.title, source.url, source.lastFetchedAt, source.lastStatus,
                    source.lastError, source.failureCount, source.nextAttemptAt, source.createdAt, source.updatedAt,
                    source.version);
        }
    }

    /** A source as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class SourceForm {
        @Schema(description = "An RSS 2.0 or Atom feed: absolute http(s), on a public address")
        @NotBlank
        @Size(max = 2048)
        public String url;

        @Schema(description = "A name for it; without one, the feed's own title after the first fetch")
        @Size(max = 500)
        public String title;

        static SourceForm of(FeedSource source) {
            SourceForm form = new SourceForm();
            form.url = source.url;
            form.title = source.title;
            return form;
        }
    }

    public record FeedItemView(UUID id, UUID sourceId, String guid, String link, String title, String summary,
                               String author, Instant publishedAt, boolean read, Instant readAt) {

        public static FeedItemView of(FeedItem item) {
            return new FeedItemView(item.id, item.sourceId, item.guid, item.link, item.title, item.summary,
                    item.author, item.publishedAt, item.readAt != null, item.readAt);
        }
    }

    /**
     * What one fetch did.
     *
     * @param outcome  {@code fetched} (200, entries stored), {@code not_modified} (304) or {@code failed}
     * @param newItems entries not seen before (a repeated guid or link is not new)
     */
    public record FetchView(String outcome, Integer httpStatus, int newItems, String error, int failureCount,
                            Instant nextAttemptAt) {
    }
}
