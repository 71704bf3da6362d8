package org.lifeos.content.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.Engagement;
import org.lifeos.content.common.Money;

/** What the metrics and rollup API reads and writes. */
public final class MetricsDtos {

    private MetricsDtos() {
    }

    /** An amount of money: a decimal string and its ISO 4217 currency. */
    public record Amount(@Schema(example = "12.5000") String amount, @Schema(example = "EUR") String currency) {
    }

    public record DayView(UUID itemId, LocalDate date, long views, long likes, long shares, long comments,
                          long saves, int subscribersGained,
                          @Schema(description = "Decimal string; absent when the day has no revenue") String revenue,
                          String currency, BigDecimal swipeRate,
                          @Schema(description = "(likes + comments + shares + saves) ÷ views; null without views")
                          BigDecimal engagementRate, Instant updatedAt, long version) {

        public static DayView of(ContentMetric day) {
            return new DayView(day.itemId, day.date, day.views, day.likes, day.shares, day.comments, day.saves,
                    day.subscribersGained, Money.text(day.revenue), day.currency, day.swipeRate,
                    Engagement.rate(day.engagements(), day.views), day.updatedAt, day.version);
        }
    }

    /** One day as a client pushes it: PUT replaces the day whole; absent counts are 0. */
    public static class DayForm {
        @Min(0)
        public long views;
        @Min(0)
        public long likes;
        @Min(0)
        public long shares;
        @Min(0)
        public long comments;
        @Min(0)
        public long saves;

        @Schema(description = "Net subscribers gained that day; negative when more left")
        public int subscribersGained;

        @Schema(description = "Decimal string, at most 4 decimals, never a JSON number", example = "12.50")
        public String revenue;

        @Schema(description = "ISO 4217; required with revenue", example = "EUR")
        public String currency;

        @Schema(description = "Percentage, 0 to 100")
        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        public BigDecimal swipeRate;
    }

    /** An item's sums over a period. */
    public record TotalsView(UUID itemId, LocalDate from, LocalDate to, long days, long views, long likes, long shares,
                             long comments, long saves, long subscribersGained,
                             @Schema(description = "(likes + comments + shares + saves) ÷ views; null without views")
                             BigDecimal engagementRate,
                             @Schema(description = "Revenue per currency, never summed across currencies")
                             List<Amount> revenue) {
    }

    /** One item of a top list. */
    public record TopItemView(UUID itemId, String title, ContentPlatform platform, long views, long engagements,
                              BigDecimal engagementRate, Amount revenue) {
    }
}
