package org.lifeos.finance.income;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.income.IncomeEntry.SourceType;
import org.lifeos.finance.money.Money;

/** What the income API reads and writes; amount and description are stored sealed. */
public final class IncomeDtos {

    private IncomeDtos() {
    }

    public static class IncomeForm {
        @NotNull
        public LocalDate date;

        @Schema(description = "A positive decimal string in the currency", example = "180.00")
        public String amount;

        @Schema(description = "ISO 4217", example = "GBP")
        public String currency;

        @NotNull
        public SourceType sourceType;

        @Size(max = 5_000)
        public String description;

        @Min(0)
        @Max(100_000)
        public Integer durationMinutes;

        public UUID contactId;

        public UUID domainId;

        static IncomeForm of(IncomeEntry entry) {
            IncomeForm form = new IncomeForm();
            form.date = entry.date;
            form.amount = entry.amount.open();
            form.currency = entry.currency;
            form.sourceType = entry.sourceType;
            form.description = entry.description == null ? null : entry.description.open();
            form.durationMinutes = entry.durationMinutes;
            form.contactId = entry.contactId;
            form.domainId = entry.domainId;
            return form;
        }
    }

    public record IncomeView(UUID id, LocalDate date, @Schema(example = "180.00") String amount, String currency,
                             SourceType sourceType, String description, Integer durationMinutes, UUID contactId,
                             UUID domainId, Instant createdAt, Instant updatedAt, long version) {

        /** Opens the sealed fields: call inside the transaction that loaded the entry. */
        static IncomeView of(IncomeEntry e) {
            return new IncomeView(e.id, e.date, Money.format(e.amount.openDecimal(), e.currency), e.currency,
                    e.sourceType, e.description == null ? null : e.description.open(), e.durationMinutes,
                    e.contactId, e.domainId, e.createdAt, e.updatedAt, e.version);
        }
    }

    /** One month's income in one currency: totals are never added across currencies. */
    public record MonthTotal(@Schema(example = "2026-03") String month, String currency,
                             @Schema(example = "1234.50") String total, int entries) {
    }
}
