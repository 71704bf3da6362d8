package org.lifeos.content.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.Engagement;
import org.lifeos.content.common.Money;
import org.lifeos.content.item.ItemService;
import org.lifeos.content.metrics.MetricsDtos.Amount;
import org.lifeos.content.metrics.MetricsDtos.TopItemView;
import org.lifeos.content.metrics.MetricsDtos.TotalsView;

/**
 * Sums of daily metrics, in SQL under the circle's row-level security. Revenue is summed per
 * currency and never across currencies; engagement rates are ratios of sums, so a period's rate
 * weights each day by its views.
 */
@ApplicationScoped
public class RollupService {

    /** What a top list ranks by. */
    public enum By { ENGAGEMENT, REVENUE }

    private final ItemService items;
    private final EntityManager em;

    public RollupService(ItemService items, EntityManager em) {
        this.items = items;
        this.em = em;
    }

    /** Sums of daily metrics over a period, of one item or of every item of one platform. */
    public record Sums(long items, long days, long views, long likes, long shares, long comments, long saves,
                       long subscribersGained, List<Amount> revenue) {

        public long engagements() {
            return likes + shares + comments + saves;
        }

        public BigDecimal engagementRate() {
            return Engagement.rate(engagements(), views);
        }
    }

    @Transactional
    public TotalsView totals(UUID itemId, DateRange range) {
        items.get(itemId);
        Sums sums = sums(itemId.toString(), "", range);
        return new TotalsView(itemId, range.from().orElse(null), range.to().orElse(null), sums.days(), sums.views(),
                sums.likes(), sums.shares(), sums.comments(), sums.saves(), sums.subscribersGained(),
                sums.engagementRate(), sums.revenue());
    }

    /** The sums of every item of {@code platform} over the period. */
    @Transactional
    public Sums platform(ContentPlatform platform, DateRange range) {
        return sums("", platform.toString(), range);
    }

    /** The sums of every item of the circle over the period. */
    @Transactional
    public Sums all(DateRange range) {
        return sums("", "", range);
    }

    /** How many items have a published date in the period. */
    @Transactional
    public long published(DateRange range) {
        return ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM content_items WHERE published_date BETWEEN ?1 AND ?2")
                .setParameter(1, range.start()).setParameter(2, range.end()).getSingleResult()).longValue();
    }

    private Sums sums(String itemId, String platform, DateRange range) {
        String where = """
                FROM content_metrics m JOIN content_items i ON i.tenant_id = m.tenant_id AND i.id = m.item_id
                WHERE m.metric_date BETWEEN ?1 AND ?2 AND (?3 = '' OR m.item_id = cast(nullif(?3, '') AS uuid))
                  AND (?4 = '' OR i.platform = ?4)""";
        Object[] sums = (Object[]) em.createNativeQuery("""
                        SELECT count(DISTINCT m.item_id), count(*), coalesce(sum(m.views), 0), coalesce(sum(m.likes), 0),
                               coalesce(sum(m.shares), 0), coalesce(sum(m.comments), 0), coalesce(sum(m.saves), 0),
                               coalesce(sum(m.subscribers_gained), 0)
                        """ + where)
                .setParameter(1, range.start()).setParameter(2, range.end()).setParameter(3, itemId)
                .setParameter(4, platform).getSingleResult();
        long[] n = new long[sums.length];
        for (int i = 0; i < sums.length; i++) {
            n[i] = ((Number) sums[i]).longValue();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> revenue = em.createNativeQuery("SELECT m.currency, sum(m.revenue) " + where
                        + " AND m.revenue IS NOT NULL GROUP BY m.currency ORDER BY m.currency")
                .setParameter(1, range.start()).setParameter(2, range.end()).setParameter(3, itemId)
                .setParameter(4, platform).getResultList();
        return new Sums(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], revenue.stream()
                .map(r -> new Amount(Money.text((BigDecimal) r[1]), r[0].toString().strip())).toList());
    }

    /**
     * The items ranking highest over the period: by engagement rate (items without views have none
     * and are left out), or by revenue in {@code currency}.
     */
    @Transactional
    public List<TopItemView> top(By by, DateRange range, Optional<ContentPlatform> platform, Optional<String> currency,
                                 int limit) {
        String order = by == By.ENGAGEMENT
                ? "HAVING sum(m.views) > 0 ORDER BY sum(m.likes + m.comments + m.shares + m.saves)::numeric"
                  + " / sum(m.views) DESC, sum(m.views) DESC, i.id"
                : "HAVING sum(m.revenue) FILTER (WHERE m.currency = ?4) > 0"
                  + " ORDER BY sum(m.revenue) FILTER (WHERE m.currency = ?4) DESC, i.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.id, i.title, i.platform, sum(m.views), sum(m.likes + m.comments + m.shares + m.saves),
                               sum(m.revenue) FILTER (WHERE m.currency = ?4)
                        FROM content_metrics m JOIN content_items i ON i.tenant_id = m.tenant_id AND i.id = m.item_id
                        WHERE m.metric_date BETWEEN ?1 AND ?2 AND (?3 = '' OR i.platform = ?3)
                        GROUP BY i.id, i.title, i.platform
                        """ + order + " LIMIT ?5")
                .setParameter(1, range.start()).setParameter(2, range.end())
                .setParameter(3, platform.map(ContentPlatform::toString).orElse(""))
                .setParameter(4, currency.orElse("")).setParameter(5, limit)
                .getResultList();
        return rows.stream().map(r -> {
            long views = ((Number) r[3]).longValue();
            long engagements = ((Number) r[4]).longValue();
            BigDecimal revenue = (BigDecimal) r[5];
            return new TopItemView((UUID) r[0], (String) r[1], ContentPlatform.valueOf(((String) r[2]).toUpperCase()),
                    views, engagements, Engagement.rate(engagements, views),
                    revenue == null ? null : new Amount(Money.text(revenue), currency.orElseThrow()));
        }).toList();
    }
}
