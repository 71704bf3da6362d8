package org.lifeos.content.weekly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.metrics.MetricsDtos.Amount;

/** What the platform-week API reads and writes. */
public final class PlatformWeekDtos {

    private PlatformWeekDtos() {
    }

    /** The numbers the platform reported for the account that week; every field may be absent. */
    public static class PlatformWeekForm {
        @Min(0)
        public Long followers;
        @Min(0)
        public Long reach;
        @Min(0)
        public Long impressions;

        @Schema(description = "Decimal string, at most 4 decimals", example = "310.00")
        public String revenue;

        @Schema(description = "ISO 4217; required with revenue", example = "EUR")
        public String currency;
    }

    /** The week's items as their daily metrics add up. */
    public record ItemsRollup(long items, long views, long engagements,
                              @Schema(description = "(likes + comments + shares + saves) ÷ views; null without views")
                              BigDecimal engagementRate, long subscribersGained, List<Amount> revenue) {
    }

    /**
     * The stored numbers (null where none were recorded; {@code version} null when nothing was
     * stored) next to the rollup of the platform's items over the same Monday to Sunday.
     */
    public record PlatformWeekView(ContentPlatform platform, String week, LocalDate from, LocalDate to,
                                   Long followers, Long reach, Long impressions, String revenue, String currency,
                                   Long version, ItemsRollup items) {
    }
}
