package org.lifeos.planning.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a KPI value scores against its target, without the database. Rates are ratios in
 * [0, 1] with four decimals, rounded down: a rate of 1 always means the target was met.
 * <ul>
 *   <li>Normal scoring (more is better): {@code min(1, value / target)}; a zero target is met
 *       by any value (rate 1).</li>
 *   <li>Reverse scoring (less is better, the target is a ceiling): 1 while {@code value <= target},
 *       then {@code target / value}, falling towards 0 as the value overshoots; a zero target is
 *       met only by zero (any other value rates 0).</li>
 *   <li>The minimum target is the bar still counted as acceptable: at most the target for normal
 *       scoring, at least the target (a higher ceiling) for reverse scoring.</li>
 *   <li>Over a range of ISO weeks the completion rate is the mean of the weekly rates, a week
 *       without an entry rating 0: no data earns no credit, so a missing week can only lower the
 *       rate. The aggregated value is the sum of the entered weeks ({@code total}) or their mean
 *       ({@code average}; none when no week has an entry).</li>
 * </ul>
 */
public final class KpiScore {

    private static final int SCALE = 4;

    private KpiScore() {
    }

    public enum Level {
        MET, MINIMUM, MISSED;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Aggregation {
        TOTAL, AVERAGE;

        @JsonValue

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One week's recorded value with the target it was recorded against. */
    public record Week(LocalDate weekStart, BigDecimal value, BigDecimal target, boolean reverse) {
    }

    public record Summary(long weeks, long weeksWithEntries, long weeksMet, BigDecimal value,
                          BigDecimal completionRate) {
    }

    public static BigDecimal rate(BigDecimal value, BigDecimal target, boolean reverse) {
        if (reverse) {
            if (value.compareTo(target) <= 0) {
                return BigDecimal.ONE.setScale(SCALE);
            }
            return target.divide(value, SCALE, RoundingMode.DOWN);
        }
        if (target.signum() == 0 || value.compareTo(target) >= 0) {
            return BigDecimal.ONE.setScale(SCALE);
        }
        return value.divide(target, SCALE, RoundingMode.DOWN);
    }

    public static boolean meets(BigDecimal value, BigDecimal bar, boolean reverse) {
        return reverse ? value.compareTo(bar) <= 0 : value.compareTo(bar) >= 0;
    }

    public static Level level(BigDecimal value, BigDecimal target, BigDecimal minTarget, boolean reverse) {
        if (meets(value, target, reverse)) {
            return Level.MET;
        }
        return minTarget != null && meets(value, minTarget, reverse) ? Level.MINIMUM : Level.MISSED;
    }

    /** The weeks from {@code fromWeek} to {@code toWeek} (Mondays, inclusive) scored as the class says. */
    public static Summary summarize(LocalDate fromWeek, LocalDate toWeek, Collection<Week> entries,
                                    Aggregation aggregation) {
        long weeks = ChronoUnit.WEEKS.between(fromWeek, toWeek) + 1;
        BigDecimal rates = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        long entered = 0;
        long met = 0;
        for (Week week : entries) {
            if (week.weekStart().isBefore(fromWeek) || week.weekStart().isAfter(toWeek)) {
                continue;
            }
            entered++;
            sum = sum.add(week.value());
            rates = rates.add(rate(week.value(), week.target(), week.reverse()));
            if (meets(week.value(), week.target(), week.reverse())) {
                met++;
            }
        }
        BigDecimal value = aggregation == Aggregation.TOTAL ? sum
                : entered == 0 ? null : sum.divide(BigDecimal.valueOf(entered), 2, RoundingMode.HALF_UP);
        BigDecimal completion = weeks <= 0 ? BigDecimal.ZERO.setScale(SCALE)
                : rates.divide(BigDecimal.valueOf(weeks), SCALE, RoundingMode.HALF_UP);
        return new Summary(weeks, entered, met, value, completion);
    }
}
