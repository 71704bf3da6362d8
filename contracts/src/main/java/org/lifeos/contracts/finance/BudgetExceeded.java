package org.lifeos.contracts.finance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code finance.budget} events ({@code budget.exceeded}): a category's posted
 * spending in a month went over its budget, announced once per budget and month. Amounts are
 * decimal strings in {@code currency}; {@code month} is the first day of the month.
 */
public record BudgetExceeded(UUID budgetId, UUID categoryId, LocalDate month, String currency, String planned,
                             String actual) {

    public static final String TOPIC = "finance.budget";
}
