package org.lifeos.contracts.finance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code finance.invoice} events ({@code invoice.paid}): an invoice was paid, once per
 * invoice (paying it again is refused). {@code reference} is the gapless per-circle-and-year number
 * ({@code 2026-0007}); {@code total} is a decimal string in {@code currency}; {@code incomeId} is
 * the income entry the payment recorded; {@code contactId} may be null.
 */
public record InvoicePaid(UUID invoiceId, String reference, UUID contactId, LocalDate paidOn, String total,
                          String currency, UUID incomeId) {

    public static final String TOPIC = "finance.invoice";
    public static final String PAID = "invoice.paid";
}
