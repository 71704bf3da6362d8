package org.lifeos.finance.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired (a CDI event, synchronously, inside the writing transaction) when a posted row is added to
 * the ledger or voided, so that what depends on the ledger (budgets) follows in the same commit.
 */
public record LedgerChanged(UUID categoryId, LocalDate occurredOn, String currency) {
}
