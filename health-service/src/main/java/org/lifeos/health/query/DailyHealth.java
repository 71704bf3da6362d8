package org.lifeos.health.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One day of the caller's health for the Today view: last night's sleep, the day's steps and
 * resting heart rate (from the daily summaries ingest keeps) and the day's check-in. Row-level
 * security limits every read to the caller's own rows.
 */
@ApplicationScoped
public class DailyHealth {

    /** What a day has; an empty Optional where it has nothing. */
    public record Day(LocalDate date, ZoneId zone, Optional<Long> sleepMinutes, Optional<Long> steps,
                      Optional<BigDecimal> restingHeartRate, Optional<CheckIn> checkIn) {
    }

    public record CheckIn(Integer mood, Integer energy, Integer sleepQuality) {
    }

    private final EntityManager em;

    public DailyHealth(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Day of(LocalDate date, ZoneId zone) {
        // Asleep: sleep_stage samples above 0 recorded from noon the day before to noon on the day.
        Number sleep = (Number) em.createNativeQuery("""
                        SELECT sum(CASE WHEN end_at IS NULL THEN 1
                                        ELSE ceil(extract(epoch FROM end_at - recorded_at) / 60) END)
                        FROM wearable_samples
                        WHERE metric = 'sleep_stage' AND value > 0 AND recorded_at >= ?1 AND recorded_at < ?2""")
                .setParameter(1, Timestamp.from(date.minusDays(1).atTime(12, 0).atZone(zone).toInstant()))
                .setParameter(2, Timestamp.from(date.atTime(12, 0).atZone(zone).toInstant()))
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> summaries = em.createNativeQuery("""
                        SELECT metric, sum_value, sample_count FROM wearable_daily_summaries
                        WHERE day = ?1 AND metric IN ('steps', 'resting_heart_rate')""")
                .setParameter(1, date).getResultList();
        Optional<Long> steps = Optional.empty();
        Optional<BigDecimal> resting = Optional.empty();
        for (Object[] row : summaries) {
            BigDecimal sum = (BigDecimal) row[1];
            if ("steps".equals(row[0])) {
                steps = Optional.of(sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            } else {
                resting = Optional.of(sum.divide(BigDecimal.valueOf(((Number) row[2]).longValue()), 1,
                        RoundingMode.HALF_EVEN));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> checkIns = em.createNativeQuery(
                        "SELECT mood, energy, sleep_quality FROM daily_check_ins WHERE date = ?1")
                .setParameter(1, date).getResultList();
        Optional<CheckIn> checkIn = checkIns.stream().findFirst().map(r -> new CheckIn(integer(r[0]), integer(r[1]),
                integer(r[2])));
        return new Day(date, zone, Optional.ofNullable(sleep).map(Number::longValue), steps, resting, checkIn);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
