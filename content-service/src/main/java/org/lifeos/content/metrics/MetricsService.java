package org.lifeos.content.metrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.content.ContentRevenue;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.Money;
import org.lifeos.content.item.ContentItem;
import org.lifeos.content.item.ItemService;
import org.lifeos.content.metrics.MetricsDtos.DayForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Daily metrics of content items. A day is upserted whole and idempotently: pushing the same values
 * again changes nothing (same version, no event). When the day's revenue is first recorded or
 * changes, {@code content.revenue} carries it with an id stable per circle, item and date.
 */
@ApplicationScoped
public class MetricsService {

    /** The result of an upsert: the day and whether this request created it. */
    public record Upserted(ContentMetric day, boolean created) {
    }

    private final ItemService items;
    private final MetricRepository days;
    private final Outbox outbox;
    private final TenantContext context;

    public MetricsService(ItemService items, MetricRepository days, Outbox outbox, TenantContext context) {
        this.items = items;
        this.days = days;
        this.outbox = outbox;
        this.context = context;
    }

    @Transactional
    public Upserted put(UUID itemId, LocalDate date, String ifMatch, DayForm form) {
        BigDecimal revenue = form.revenue == null ? null : Money.amount("revenue", form.revenue);
        String currency = form.currency == null ? null : Money.currency("currency", form.currency);
        if (revenue != null && currency == null) {
            throw ProblemException.badField("currency", "is required with revenue");
        }
        if (revenue == null && currency != null) {
            throw ProblemException.badField("revenue", "is required with currency");
        }
        BigDecimal swipeRate = form.swipeRate == null ? null : form.swipeRate.setScale(4);
        ContentItem item = items.lock(itemId);
        Optional<ContentMetric> existing = days.of(itemId, date);
        existing.ifPresent(day -> ETags.requireMatch(ifMatch, day.version));
        if (existing.isPresent() && same(existing.get(), form, revenue, currency, swipeRate)) {
            return new Upserted(existing.get(), false);
        }
        ContentMetric day = existing.orElseGet(() -> {
            ContentMetric fresh = new ContentMetric();
            fresh.id = Ids.next();
            fresh.tenantId = context.circleId();
            fresh.itemId = itemId;
            fresh.date = date;
            fresh.createdBy = context.userId();
            fresh.createdAt = Instant.now();
            return fresh;
        });
        BigDecimal revenueBefore = day.revenue;
        String currencyBefore = day.currency;
        day.views = form.views;
        day.likes = form.likes;
        day.shares = form.shares;
        day.comments = form.comments;
        day.saves = form.saves;
        day.subscribersGained = form.subscribersGained;
        day.revenue = revenue;
        day.currency = currency;
        day.swipeRate = swipeRate;
        day.updatedAt = Instant.now();
        if (existing.isEmpty()) {
            days.persist(day);
        }
        days.flush();
        if (!sameMoney(revenueBefore, revenue) || !Objects.equals(currencyBefore, currency)) {
            // A day whose revenue is taken back is announced as zero in the currency it had.
            outbox.publish(ContentRevenue.TOPIC, ContentRevenue.RECORDED, new ContentRevenue(
                    revenueId(context.circleId(), itemId, date), itemId, item.platform.toString(), date,
                    Money.text(revenue == null ? BigDecimal.ZERO : revenue),
                    currency == null ? currencyBefore : currency));
        }
        return new Upserted(day, existing.isEmpty());
    }

    @Transactional
    @ReadOnly
    public ContentMetric get(UUID itemId, LocalDate date) {
        items.get(itemId);
        return days.of(itemId, date).orElseThrow(() -> ProblemException.notFound("metrics of item " + itemId
                + " on " + date));
    }

    @Transactional
    @ReadOnly
    public List<ContentMetric> list(UUID itemId, DateRange range, Keyset keyset) {
        items.get(itemId);
        LocalDate start = keyset.after() && keyset.date(0).isAfter(range.start().minusDays(1))
                ? keyset.date(0).plusDays(1) : range.start();
        return days.find("itemId = ?1 and date >= ?2 and date <= ?3 order by date", itemId, start, range.end())
                .page(0, keyset.fetch()).list();
    }

    /**
     * The id finance upserts on: a name-based UUID of circle, item and date, the same for every
     * event of that day, different for every other day, item or circle.
     */
    public static UUID revenueId(UUID circle, UUID itemId, LocalDate date) {
        return UUID.nameUUIDFromBytes(("content.revenue:" + circle + ":" + itemId + ":" + date)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean same(ContentMetric day, DayForm form, BigDecimal revenue, String currency,
                                BigDecimal swipeRate) {
        return day.views == form.views && day.likes == form.likes && day.shares == form.shares
                && day.comments == form.comments && day.saves == form.saves
                && day.subscribersGained == form.subscribersGained && sameMoney(day.revenue, revenue)
                && Objects.equals(day.currency, currency) && sameMoney(day.swipeRate, swipeRate);
    }

    private static boolean sameMoney(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
