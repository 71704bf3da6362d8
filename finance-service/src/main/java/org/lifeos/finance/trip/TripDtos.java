package org.lifeos.finance.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TripDtos {

    private TripDtos() {
    }

    public static class TripForm {
        @NotBlank
        @Size(max = 255)
        public String title;

        @NotNull
        public LocalDate startDate;

        @NotNull
        public LocalDate endDate;

        @Size(max = 50)
        @Schema(description = "The ledger tag that links transactions to the trip (unique in the circle); "
                + "trip-<title in lower case> when absent", example = "trip-lisbon-2026")
        public String tag;

        static TripForm of(Trip trip) {
            TripForm form = new TripForm();
            form.title = trip.title;
            form.startDate = trip.startDate;
            form.endDate = trip.endDate;
            form.tag = trip.tag;
            return form;
        }
    }

    public record TripView(UUID id, String title, LocalDate startDate, LocalDate endDate, String tag,
                           Instant createdAt, Instant updatedAt, long version) {
        static TripView of(Trip t) {
            return new TripView(t.id, t.title, t.startDate, t.endDate, t.tag, t.createdAt, t.updatedAt, t.version);
        }
    }

    public static class TripBudgetForm {
        @NotNull
        public UUID categoryId;

        @Schema(description = "ISO 4217; only transactions in this currency count", example = "EUR")
        public String currency;

        @Schema(description = "A decimal string, zero or more", example = "600.00")
        public String amount;
    }

    /** Only the amount changes once a line exists: category and currency are its identity. */
    public static class AmountForm {
        @Schema(example = "650.00")
        public String amount;
    }

    public record TripBudgetView(UUID id, UUID tripId, UUID categoryId, String currency,
                                 @Schema(example = "600.00") String planned,
                                 @Schema(description = "Posted out-going transactions tagged with the trip's tag, "
                                         + "in the category and currency (transfers and voids excluded)")
                                 String actual,
                                 @Schema(description = "planned - actual; negative when over") String remaining,
                                 boolean over, Instant createdAt, Instant updatedAt, long version) {
    }

    public record TripLogView(UUID id, String action, Map<String, Object> oldValue, Map<String, Object> newValue,
                              UUID updatedBy, Instant createdAt) {
        static TripLogView of(TripLog log) {
            return new TripLogView(log.id, log.action, log.oldValue, log.newValue, log.updatedBy, log.createdAt);
        }
    }
}
