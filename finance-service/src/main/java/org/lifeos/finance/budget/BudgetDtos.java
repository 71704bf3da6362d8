package org.lifeos.finance.budget;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the budgets API reads and writes. */
public final class BudgetDtos {

    private BudgetDtos() {
    }

    public static class BudgetForm {
        @NotNull
        public UUID categoryId;

        @Schema(description = "The month, yyyy-MM", example = "2026-03")
        public String month;

        @Schema(description = "A decimal string in the currency, zero or more", example = "400.00")
        public String planned;

        @Schema(description = "ISO 4217; only transactions in this currency count", example = "EUR")
        public String currency;
    }

    /** Only the plan changes once a budget exists. */
    public static class PlanForm {
        @Schema(example = "450.00")
        public String planned;
    }

    public record BudgetView(UUID id, UUID categoryId, @Schema(example = "2026-03") String month, String currency,
                             @Schema(example = "400.00") String planned,
                             @Schema(description = "Posted out-going transactions of the category in the month")
                             String actual,
                             @Schema(description = "planned - actual; negative when over") String remaining,
                             boolean over, Instant exceededAt, Instant createdAt, Instant updatedAt, long version) {
    }
}
