package org.lifeos.contracts.finance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code finance.transaction} events ({@code transaction.posted},
 * {@code transaction.voided}): one ledger row. {@code amount} is a decimal string in
 * {@code currency} (never floating point); {@code direction} is {@code in} or {@code out};
 * the two rows of a transfer share {@code transferId}.
 */
public record TransactionChanged(UUID transactionId, UUID accountId, String direction, String amount,
                                 String currency, LocalDate occurredOn, UUID categoryId, String status,
                                 UUID transferId, long version) {

    public static final String TOPIC = "finance.transaction";
}
