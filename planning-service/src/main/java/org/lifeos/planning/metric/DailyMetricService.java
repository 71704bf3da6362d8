package org.lifeos.planning.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.metric.DailyMetricDtos.DailyMetricForm;
import org.lifeos.planning.crud.Upsert;
import org.lifeos.planning.time.UserDates;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * One metrics record per user per day, the acting user's own (like daily plans). A day after the
 * user's today (in their time zone) is refused; past days may be back-filled.
 */
@ApplicationScoped
public class DailyMetricService {

    private final DailyMetricRepository metrics;
    private final UserDay day;
    private final TenantContext context;

    public DailyMetricService(DailyMetricRepository metrics, UserDay day, TenantContext context) {
        this.metrics = metrics;
        this.day = day;
        this.context = context;
    }

    @Transactional
    public DailyMetric get(LocalDate date) {
        return metrics.of(context.userId(), date).orElseThrow(() -> ProblemException.notFound("metrics of " + date));
    }

    /** Creates or replaces the record of {@code date}; {@code If-Match}, when sent, must match the existing one. */
    @Transactional
    public Upsert<DailyMetric> put(LocalDate date, String ifMatch, DailyMetricForm form) {
        day.notAfterToday("date", date);
        UserDates.lock(metrics.getEntityManager(), "daily_metrics", context.circleId(), context.userId(), date);
        Upsert<DailyMetric> put = Upsert.of(metrics.of(context.userId(), date), ifMatch, m -> m.version,
                () -> new DailyMetric(context.circleId(), context.userId(), date));
        apply(put.row(), form);
        if (put.created()) {
            metrics.persist(put.row());
        }
        metrics.flush();
        return put;
    }

    @Transactional
    public DailyMetric update(LocalDate date, String ifMatch, UnaryOperator<DailyMetricForm> patch) {
        DailyMetric metric = ETags.matching(get(date), ifMatch, m -> m.version);
        apply(metric, patch.apply(DailyMetricForm.of(metric)));
        metrics.flush();
        return metric;
    }

    @Transactional
    public void delete(LocalDate date, String ifMatch) {
        metrics.delete(ETags.matching(get(date), ifMatch, m -> m.version));
    }

    /** By date. */
    @Transactional
    public List<DailyMetric> list(Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return UserDates.of(context.userId(), from, to, keyset).page(metrics, "date", keyset);
    }

    private static void apply(DailyMetric metric, DailyMetricForm form) {
        Map<String, Object> data = new HashMap<>(form.data);
        data.values().removeIf(Objects::isNull);
        metric.data = data;
        metric.updatedAt = Instant.now();
    }
}
