package org.lifeos.finance.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.LedgerEnums.Status;
import org.lifeos.finance.money.Money;

/** What the transactions API reads and writes. */
public final class TransactionDtos {

    private TransactionDtos() {
    }

    public static class TransactionForm {
        @NotNull
        public UUID accountId;

        @NotNull
        public Direction direction;

        @Schema(description = "A positive decimal string in the currency", example = "12.34")
        public String amount;

        @Schema(description = "ISO 4217; must be the account's currency", example = "EUR")
        public String currency;

        @NotNull
        public LocalDate occurredOn;

        @Size(max = 255)
        public String payee;

        @Size(max = 5_000)
        public String memo;

        @Schema(description = "Absent: the first payee rule that matches gives it, if any")
        public UUID categoryId;

        @Size(max = 20)
        public List<@NotBlank @Size(max = 50) String> tags = new ArrayList<>();
    }

    /** What a PATCH of a posted transaction may change (JSON merge patch); null clears payee, memo or category. */
    public static class TransactionEdit {
        @Size(max = 255)
        public String payee;

        @Size(max = 5_000)
        public String memo;

        public UUID categoryId;

        @Size(max = 20)
        public List<@NotBlank @Size(max = 50) String> tags = new ArrayList<>();

        static TransactionEdit of(LedgerTransaction row) {
            TransactionEdit edit = new TransactionEdit();
            edit.payee = row.payee;
            edit.memo = row.memo;
            edit.categoryId = row.categoryId;
            edit.tags = new ArrayList<>(row.tags);
            return edit;
        }
    }

    public static class TransferForm {
        @NotNull
        public UUID fromAccountId;

        @NotNull
        public UUID toAccountId;

        @Schema(description = "A positive decimal string in the currency", example = "250.00")
        public String amount;

        @Schema(description = "ISO 4217; both accounts' currency", example = "EUR")
        public String currency;

        @NotNull
        public LocalDate occurredOn;

        @Size(max = 5_000)
        public String memo;
    }

    public static class VoidForm {
        @Size(max = 500)
        public String reason;
    }

    public record TransactionView(UUID id, UUID accountId, Direction direction,
                                  @Schema(example = "12.34") String amount, String currency, LocalDate occurredOn,
                                  String payee, String memo, UUID categoryId, List<String> tags, Status status,
                                  UUID transferId, UUID createdBy, Instant createdAt, Instant updatedAt,
                                  long version) {

        public static TransactionView of(LedgerTransaction t) {
            return new TransactionView(t.id, t.accountId, t.direction, Money.format(t.amount, t.currency), t.currency,
                    t.occurredOn, t.payee, t.memo, t.categoryId, List.copyOf(t.tags), t.status, t.transferId,
                    t.createdBy, t.createdAt, t.updatedAt, t.version);
        }
    }

    /** A transfer: the row out of one account and the row into the other, sharing transferId. */
    public record TransferView(UUID transferId, TransactionView out, TransactionView in) {
    }

    public record LogView(UUID id, UUID transactionId, Status oldStatus, Status newStatus, String reason,
                          @Schema(description = "For an edit: each changed field's from and to")
                          java.util.Map<String, java.util.Map<String, Object>> changes,
                          UUID changedBy, Instant changedAt) {
        static LogView of(TransactionLog log) {
            return new LogView(log.id, log.transactionId, log.oldStatus, log.newStatus, log.reason, log.changes,
                    log.changedBy, log.changedAt);
        }
    }
}
