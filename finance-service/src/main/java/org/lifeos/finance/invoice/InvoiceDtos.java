package org.lifeos.finance.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.money.Money;

/** What the billing API reads and writes. */
public final class InvoiceDtos {

    private InvoiceDtos() {
    }

    public static class BillableForm {
        @NotNull
        public LocalDate date;

        @Schema(description = "Decimal string, up to 2 decimals, more than 0", example = "1.50")
        public String hours;

        @Schema(description = "Decimal string in the currency, up to 2 decimals", example = "80.00")
        public String rate;

        @Schema(example = "GBP")
        public String currency;

        @Size(max = 5_000)
        public String description;

        public UUID domainId;

        public UUID taskId;
    }

    public record BillableView(UUID id, LocalDate date, String hours, String rate, String currency,
                               @Schema(description = "hours × rate, in the currency's decimals") String amount,
                               String description, UUID domainId, UUID taskId, boolean invoiced, UUID invoiceId,
                               Instant createdAt, long version) {
        static BillableView of(BillableEntry e) {
            return new BillableView(e.id, e.date, e.hours.toPlainString(), Money.format(e.rate, e.currency), e.currency,
                    Money.format(InvoiceService.amount(e), e.currency), e.description, e.domainId, e.taskId, e.invoiced,
                    e.invoiceId, e.createdAt, e.version);
        }
    }

    public static class InvoiceForm {
        @Schema(description = "Only unbilled entries in this currency are grouped", example = "GBP")
        public String currency;

        @Schema(description = "The entries to bill; absent: every unbilled entry in the currency")
        @Size(max = 1_000)
        public List<@NotNull UUID> entryIds;

        public UUID contactId;

        @Schema(description = "Today when absent")
        public LocalDate issuedOn;
    }

    public static class PayForm {
        @Schema(description = "Today when absent")
        public LocalDate paidOn;
    }

    public record InvoiceView(UUID id, @Schema(example = "2026-0007") String reference, int year, int number,
                              String currency, @Schema(example = "120.00") String total, String status,
                              LocalDate issuedOn, LocalDate paidOn, UUID incomeId, UUID contactId,
                              List<UUID> entryIds, Instant createdAt, long version) {
    }
}
