package org.lifeos.finance.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.money.Money;

/** What the accounts API reads and writes; entities never leave the service. */
public final class AccountDtos {

    private AccountDtos() {
    }

    /** An account as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class AccountForm {
        @NotNull
        public AccountType type;

        @NotBlank
        @Size(max = 255)
        public String name;

        @Size(max = 255)
        public String institution;

        @Schema(description = "ISO 4217 code; fixed once the account exists", example = "EUR")
        public String currency;

        @Schema(description = "Decimal string in the account's currency, may be negative", example = "100.00")
        public String openingBalance = "0";

        @Schema(description = "The day the opening balance holds from; today when absent")
        public LocalDate openedOn;

        @Size(max = 128)
        @Schema(description = "Crypto accounts only: a public address, never a private key or seed phrase")
        public String cryptoAddress;

        static AccountForm of(Account account) {
            AccountForm form = new AccountForm();
            form.type = account.type;
            form.name = account.name;
            form.institution = account.institution;
            form.currency = account.currency;
            form.openingBalance = account.openingBalance.toPlainString();
            form.openedOn = account.openedOn;
            form.cryptoAddress = account.cryptoAddress;
            return form;
        }
    }

    public record AccountView(UUID id, AccountType type, String name, String institution, String currency,
                              @Schema(example = "100.00") String openingBalance, LocalDate openedOn,
                              String cryptoAddress, boolean archived, Instant archivedAt, UUID ownerId,
                              Instant createdAt, Instant updatedAt, long version) {

        static AccountView of(Account account) {
            return new AccountView(account.id, account.type, account.name, account.institution, account.currency,
                    Money.format(account.openingBalance, account.currency), account.openedOn, account.cryptoAddress,
                    account.archivedAt != null, account.archivedAt, account.ownerId, account.createdAt,
                    account.updatedAt, account.version);
        }
    }

    public record BalanceView(UUID accountId, LocalDate asOf, String currency,
                              @Schema(example = "1234.56") String balance) {
    }

    public record AuditLogView(UUID id, UUID accountId, String action, Map<String, Object> metadata, UUID actorId,
                               Instant createdAt) {

        static AuditLogView of(AccountAuditLog log) {
            return new AuditLogView(log.id, log.accountId, log.action, log.metadata, log.actorId, log.createdAt);
        }
    }
}
