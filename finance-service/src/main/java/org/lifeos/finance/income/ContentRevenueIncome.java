package org.lifeos.finance.income;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.lifeos.contracts.content.ContentRevenue;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.finance.income.IncomeEntry.SourceType;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.events.EventHandler;
import org.lifeos.platform.ids.Ids;

/**
 * content-service's {@code content.revenue} events as income entries of source {@code content_sale},
 * exactly once per revenue id (one content item's revenue on one day): the first event creates the
 * entry, a later one with another amount or currency updates it, one with the same values changes
 * nothing, and an amount of zero (the day's revenue taken back) removes it. The platform runs this
 * in the event's circle and records the event id in the same transaction, so a redelivered event is
 * skipped; the unique index on (circle, revenue id) keeps one row per revenue id whatever happens.
 * An event that cannot be read (a missing field, an unknown currency, more decimals than the
 * currency has) fails every retry and goes to {@code content.revenue.dlq} with the error.
 */
@ApplicationScoped
public class ContentRevenueIncome implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ContentRevenueIncome.class);

    private final EntityManager entityManager;

    public ContentRevenueIncome(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "finance.content-revenue";
    }

    @Override
    public String topic() {
        return ContentRevenue.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        if (!ContentRevenue.RECORDED.equals(event.type())) {
            return; // a type this version does not know: nothing of it is income
        }
        JsonNode payload = event.payload();
        UUID revenueId = UUID.fromString(required(payload, "revenueId"));
        LocalDate date = LocalDate.parse(required(payload, "date"));
        Currency currency = Money.currency("currency", required(payload, "currency"));
        BigDecimal amount = Money.amount("amount", required(payload, "amount"), currency, false);
        String platform = payload.path("platform").asText("content");
        UUID circle = event.tenantId();

        IncomeEntry entry = entityManager.createQuery(
                        "from IncomeEntry where contentRevenueId = :revenue", IncomeEntry.class)
                .setParameter("revenue", revenueId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (amount.signum() == 0) {
            if (entry != null) {
                entityManager.remove(entry);
                LOG.debugf("content revenue %s taken back: income entry %s removed", revenueId, entry.id);
            }
            return;
        }
        if (entry == null) {
            if (event.actorId() == null) {
                throw new IllegalArgumentException("the event names no actor (created_by)");
            }
            entry = new IncomeEntry();
            entry.id = Ids.next();
            entry.tenantId = circle;
            entry.contentRevenueId = revenueId;
            entry.sourceType = SourceType.CONTENT_SALE;
            entry.createdBy = event.actorId();
            entry.createdAt = Instant.now();
            entry.updatedAt = entry.createdAt;
            entry.date = date;
            entry.currency = currency.getCurrencyCode();
            entry.amount = Sealed.of(amount);
            entry.description = Sealed.of(platform + " revenue of content item " + required(payload, "itemId"));
            entityManager.persist(entry);
            return;
        }
        boolean same = entry.currency.equals(currency.getCurrencyCode()) && entry.date.equals(date)
                && entry.amount.openDecimal().compareTo(amount) == 0;
        if (!same) {
            entry.date = date;
            entry.currency = currency.getCurrencyCode();
            entry.amount = Sealed.of(amount);
            entry.updatedAt = Instant.now();
        }
    }

    private static String required(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing from the content.revenue event");
        }
        return value.asText();
    }
}
