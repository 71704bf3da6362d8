package org.lifeos.content.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.Engagement;
import org.lifeos.content.common.Money;
import org.lifeos.content.returns.ReturnsDtos.ItemReturn;
import org.lifeos.content.returns.ReturnsDtos.PlatformReturn;
import org.lifeos.content.returns.ReturnsDtos.Return;
import org.lifeos.content.returns.ReturnsDtos.ReturnsView;

/**
 * Time spent vs return for the items published in a period: each item's lifetime views, engagement
 * and revenue (per currency) next to the minutes planning recorded on its linked tasks, and revenue
 * per hour = revenue × 60 ÷ minutes (four decimals; null when no minutes). Per platform, a task
 * linked by several of its items counts once.
 */
@ApplicationScoped
public class ReturnsService {

    /** At most this many items in one answer. */
    static final int MAX_ITEMS = 1000;

    private final EntityManager em;
    private final PlanningTime planning;

    public ReturnsService(EntityManager em, PlanningTime planning) {
        this.em = em;
        this.planning = planning;
    }

    public record Row(UUID id, String title, ContentPlatform platform, java.time.LocalDate published, UUID[] tasks,
                       long views, long engagements, Map<String, BigDecimal> revenue) {
    }

    public ReturnsView returns(DateRange range) {
        List<Row> rows = rows(range);
        Set<UUID> tasks = new LinkedHashSet<>();
        rows.forEach(r -> tasks.addAll(Arrays.asList(r.tasks())));
        Map<UUID, Long> minutes = tasks.isEmpty() ? Map.of() : planning.minutes(List.copyOf(tasks));

        List<ItemReturn> items = new ArrayList<>();
        Map<ContentPlatform, List<Row>> byPlatform = new TreeMap<>();
        for (Row row : rows) {
            long spent = Arrays.stream(row.tasks()).mapToLong(t -> minutes.getOrDefault(t, 0L)).sum();
            items.add(new ItemReturn(row.id(), row.title(), row.platform(), row.published(), List.of(row.tasks()), spent,
                    row.views(), row.engagements(), Engagement.rate(row.engagements(), row.views()),
                    returns(row.revenue(), spent)));
            byPlatform.computeIfAbsent(row.platform(), p -> new ArrayList<>()).add(row);
        }
        List<PlatformReturn> platforms = new ArrayList<>();
        byPlatform.forEach((platform, list) -> {
            Set<UUID> platformTasks = new LinkedHashSet<>();
            list.forEach(r -> platformTasks.addAll(Arrays.asList(r.tasks())));
            long spent = platformTasks.stream().mapToLong(t -> minutes.getOrDefault(t, 0L)).sum();
            long views = list.stream().mapToLong(Row::views).sum();
            long engagements = list.stream().mapToLong(Row::engagements).sum();
            Map<String, BigDecimal> revenue = new TreeMap<>();
            list.forEach(r -> r.revenue().forEach((c, a) -> revenue.merge(c, a, BigDecimal::add)));
            platforms.add(new PlatformReturn(platform, list.size(), spent, views, engagements,
                    Engagement.rate(engagements, views), returns(revenue, spent)));
        });
        return new ReturnsView(range.from().orElse(null), range.to().orElse(null), items, platforms);
    }

    static List<Return> returns(Map<String, BigDecimal> revenue, long minutes) {
        return revenue.entrySet().stream().map(e -> new Return(Money.text(e.getValue()), e.getKey(),
                minutes == 0 ? null : Money.text(e.getValue().multiply(BigDecimal.valueOf(60))
                        .divide(BigDecimal.valueOf(minutes), 4, RoundingMode.HALF_EVEN)))).toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Row> rows(DateRange range) {
        List<Object[]> sums = em.createNativeQuery("""
                        SELECT i.id, i.title, i.platform, i.published_date, i.task_ids,
                               coalesce(sum(m.views), 0), coalesce(sum(m.likes + m.comments + m.shares + m.saves), 0)
                        FROM content_items i
                        LEFT JOIN content_metrics m ON m.tenant_id = i.tenant_id AND m.item_id = i.id
                        WHERE i.published_date BETWEEN ?1 AND ?2
                        GROUP BY i.id ORDER BY i.published_date, i.id LIMIT ?3""")
                .setParameter(1, range.start()).setParameter(2, range.end()).setParameter(3, MAX_ITEMS)
                .getResultList();
        Map<UUID, Map<String, BigDecimal>> revenue = new LinkedHashMap<>();
        List<Object[]> amounts = em.createNativeQuery("""
                        SELECT m.item_id, m.currency, sum(m.revenue)
                        FROM content_metrics m JOIN content_items i ON i.tenant_id = m.tenant_id AND i.id = m.item_id
                        WHERE i.published_date BETWEEN ?1 AND ?2 AND m.revenue IS NOT NULL
                        GROUP BY m.item_id, m.currency""")
                .setParameter(1, range.start()).setParameter(2, range.end()).getResultList();
        amounts.forEach(a -> revenue.computeIfAbsent((UUID) a[0], k -> new TreeMap<>())
                .put(a[1].toString().strip(), (BigDecimal) a[2]));
        return sums.stream().map(r -> new Row((UUID) r[0], (String) r[1],
                ContentPlatform.valueOf(((String) r[2]).toUpperCase()), toDate(r[3]), (UUID[]) r[4],
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                revenue.getOrDefault((UUID) r[0], Map.of()))).toList();
    }

    private static java.time.LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
    }
}
