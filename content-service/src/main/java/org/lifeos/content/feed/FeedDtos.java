package org.lifeos.content.feed;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the feed API reads and writes. */
public final class FeedDtos {

    private FeedDtos() {
    }

    public static class FeedForm {
        @Schema(description = "A label to tell feeds apart, e.g. the calendar app it is for")
        @Size(max = 100)
        public String name;
    }

    /** A feed as listed: never its URL, which is shown once when it is made. */
    public record FeedView(UUID id, String name, boolean revoked, Instant createdAt, Instant revokedAt) {

        static FeedView of(CalendarFeed feed) {
            return new FeedView(feed.id, feed.name, feed.revokedAt != null, feed.createdAt, feed.revokedAt);
        }
    }

    /** A new feed with its secret URL (path), shown only this once. */
    public record NewFeedView(UUID id, String name, Instant createdAt,
                              @Schema(description = "The secret feed path under the API's public address; "
                                      + "anyone holding it reads the calendar until it is revoked") String url) {
    }
}
