package org.lifeos.contracts.content;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code content.revenue} events ({@code revenue.recorded}): the revenue of one content
 * item on one day, as last recorded. {@code revenueId} is the same for every event of that item and
 * day in the circle, so a consumer upserts on it: the first event creates its entry, a correction
 * replaces the amount, a repeat changes nothing. {@code amount} is a decimal string (never a
 * float), {@code currency} ISO 4217; an amount of zero means the day's revenue was taken back.
 * The circle is the envelope's {@code tenantId}.
 */
public record ContentRevenue(UUID revenueId, UUID itemId, String platform, LocalDate date, String amount,
                             String currency) {

    public static final String TOPIC = "content.revenue";
    public static final String RECORDED = "revenue.recorded";
}
