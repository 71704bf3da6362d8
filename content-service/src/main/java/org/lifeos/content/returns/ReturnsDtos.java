package org.lifeos.content.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.content.common.ContentPlatform;

/** Time spent next to what it returned. */
public final class ReturnsDtos {

    private ReturnsDtos() {
    }

    /** Revenue in one currency, and per hour spent (null without minutes). */
    public record Return(@Schema(example = "120.0000") String amount, @Schema(example = "EUR") String currency,
                         @Schema(example = "48.0000", nullable = true) String perHour) {
    }

    public record ItemReturn(UUID itemId, String title, ContentPlatform platform, LocalDate publishedDate,
                             List<UUID> taskIds, long minutesSpent, long views, long engagements,
                             BigDecimal engagementRate, List<Return> revenue) {
    }

    /** @param minutesSpent each linked task counted once, even when several of the platform's items link it */
    public record PlatformReturn(ContentPlatform platform, long items, long minutesSpent, long views, long engagements,
                                 BigDecimal engagementRate, List<Return> revenue) {
    }

    public record ReturnsView(LocalDate from, LocalDate to, List<ItemReturn> items, List<PlatformReturn> platforms) {
    }
}
