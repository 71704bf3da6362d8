package org.lifeos.health.wearable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.health.wearable.WearableDtos.DailySummary;
import org.lifeos.health.wearable.WearableDtos.Point;
import org.lifeos.health.wearable.WearableDtos.Series;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.ReadOnly;

/**
 * Reads of the caller's samples: a downsampled series from the raw samples (its range on
 * {@code recorded_at}, so PostgreSQL prunes to the partitions of the UTC days it covers: a UTC day
 * is one partition), and the daily summaries ingest keeps.
 */
@ApplicationScoped
public class SampleQueries {

    /** A series' buckets and the longest range each may span (at most about 10,000 points). */
    enum Bucket {
        MINUTE(Duration.ofDays(7)), HOUR(Duration.ofDays(400)), DAY(Duration.ofDays(400));

        final Duration maxRange;

        Bucket(Duration maxRange) {
            this.maxRange = maxRange;
        }
    }

    /** The series query; parameters: bucket, zone, metric, from, to. Row-level security adds the owner. */
    static final String SERIES_SQL = """
            SELECT date_trunc(?1, recorded_at, ?2) AS start, min(value), max(value), round(avg(value), 4),
                   sum(value), count(*)
            FROM wearable_samples
            WHERE metric = ?3 AND recorded_at >= ?4 AND recorded_at < ?5
            GROUP BY 1 ORDER BY 1""";

    private final EntityManager em;

    public SampleQueries(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @ReadOnly
    public Series series(String metricParam, String fromParam, String toParam, String bucketParam, ZoneId zone) {
        Metric metric = metric(metricParam, true);
        if (bucketParam == null || bucketParam.isBlank()) {
            throw ProblemException.badField("bucket", "is required: minute, hour or day");
        }
        Bucket bucket = Params.enumValue("bucket", bucketParam, Bucket.class);
        Instant from = instant("from", fromParam, zone);
        Instant to = instant("to", toParam, zone);
        if (!to.isAfter(from)) {
            throw ProblemException.badField("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(bucket.maxRange) > 0) {
            throw ProblemException.badField("to", "a " + bucket.name().toLowerCase(Locale.ROOT) + " series spans at most "
                    + bucket.maxRange.toDays() + " days");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SERIES_SQL)
                .setParameter(1, bucket.name().toLowerCase(Locale.ROOT)).setParameter(2, PgZone.of(zone))
                .setParameter(3, metric.wire()).setParameter(4, Timestamp.from(from)).setParameter(5, Timestamp.from(to))
                .getResultList();
        List<Point> points = rows.stream().map(r -> new Point(instantOf(r[0]), (BigDecimal) r[1], (BigDecimal) r[2],
                (BigDecimal) r[3], (BigDecimal) r[4], ((Number) r[5]).longValue())).toList();
        return new Series(metric.wire(), metric.unit, bucket.name().toLowerCase(Locale.ROOT), zone.getId(), from, to,
                points);
    }

    /** The caller's daily summaries of {@code from} to {@code to} (dates, inclusive), one metric or all. */
    @Transactional
    @ReadOnly
    public List<DailySummary> summaries(String metricParam, String fromParam, String toParam) {
        Metric metric = metric(metricParam, false);
        LocalDate from = Params.date("from", fromParam).orElseThrow(() -> ProblemException.badField("from", "is required"));
        LocalDate to = Params.date("to", toParam).orElseThrow(() -> ProblemException.badField("to", "is required"));
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(400))) {
            throw ProblemException.badField("to", "at most 400 days after from");
        }
        return summaries(metric, from, to);
    }

    /** The caller's summaries of days {@code from} to {@code to} inclusive; {@code metric} null for all. */
    @Transactional
    @ReadOnly
    public List<DailySummary> summaries(Metric metric, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT day, metric, min_value, max_value, sum_value, sample_count FROM wearable_daily_summaries
                        WHERE day BETWEEN ?1 AND ?2 AND (cast(?3 AS text) IS NULL OR metric = ?3)
                        ORDER BY day, metric""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, metric == null ? null : metric.wire())
                .getResultList();
        return rows.stream().map(r -> {
            Metric m = Metric.of((String) r[1]).orElseThrow();
            BigDecimal sum = (BigDecimal) r[4];
            long count = ((Number) r[5]).longValue();
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            return new DailySummary(day, m.wire(), m.unit, (BigDecimal) r[2], (BigDecimal) r[3],
                    sum.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_EVEN), sum, count);
        }).toList();
    }

    private static Metric metric(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badField("metric", "is required");
            }
            return null;
        }
        return Metric.of(value.strip()).orElseThrow(() -> ProblemException.badField("metric", "must be one of "
                + String.join(", ", java.util.Arrays.stream(Metric.values()).map(Metric::wire).toList())));
    }

    /** An instant ({@code 2026-03-02T07:00:00Z}) or a date, which means its start in the caller's zone. */
    private static Instant instant(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.badField(field, "must be an instant like 2026-03-02T07:00:00Z or a date");
            }
        }
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
