package org.lifeos.planning.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lifeos.planning.kpi.KpiScore.Aggregation;
import org.lifeos.planning.kpi.KpiScore.Level;
import org.lifeos.planning.kpi.KpiScore.Week;

/** Scoring at its edges: reverse scoring, zero targets, minimum targets, missing weeks. */
class KpiScoreTest {

    private static final LocalDate W1 = LocalDate.of(2026, 1, 5);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void normalScoringCapsAtOne() {
        assertEquals(d("0.5000"), KpiScore.rate(d("5"), d("10"), false));
        assertEquals(d("1.0000"), KpiScore.rate(d("15"), d("10"), false));
        assertEquals(d("0.0000"), KpiScore.rate(d("0"), d("10"), false));
    }

    @Test
    void reverseScoringRewardsStayingUnderTheCeiling() {
        assertEquals(d("1.0000"), KpiScore.rate(d("3"), d("4"), true));
        assertEquals(d("1.0000"), KpiScore.rate(d("4"), d("4"), true));
        assertEquals(d("0.5000"), KpiScore.rate(d("8"), d("4"), true));
        assertEquals(Level.MET, KpiScore.level(d("3"), d("4"), d("6"), true));
        assertEquals(Level.MINIMUM, KpiScore.level(d("5"), d("4"), d("6"), true));
        assertEquals(Level.MISSED, KpiScore.level(d("7"), d("4"), d("6"), true));
    }

    @Test
    void aZeroTargetIsMetByAnythingNormallyAndOnlyByZeroInReverse() {
        assertEquals(d("1.0000"), KpiScore.rate(d("0"), d("0"), false));
        assertEquals(d("1.0000"), KpiScore.rate(d("3"), d("0"), false));
        assertEquals(d("1.0000"), KpiScore.rate(d("0"), d("0"), true));
        assertEquals(d("0.0000"), KpiScore.rate(d("2"), d("0"), true));
        assertEquals(Level.MISSED, KpiScore.level(d("2"), d("0"), null, true));
    }

    @Test
    void theMinimumTargetCountsAsAcceptableButNotMet() {
        assertEquals(Level.MINIMUM, KpiScore.level(d("7"), d("10"), d("6"), false));
        assertEquals(Level.MISSED, KpiScore.level(d("5"), d("10"), d("6"), false));
        assertEquals(Level.MISSED, KpiScore.level(d("7"), d("10"), null, false));
    }

    @Test
    void missingWeeksScoreZeroAndTheAggregateFollowsTheKind() {
        List<Week> entries = List.of(new Week(W1, d("10"), d("10"), false),
                new Week(W1.plusWeeks(2), d("5"), d("10"), false));
        KpiScore.Summary total = KpiScore.summarize(W1, W1.plusWeeks(3), entries, Aggregation.TOTAL);
        assertEquals(4, total.weeks());
        assertEquals(2, total.weeksWithEntries());
        assertEquals(1, total.weeksMet());
        assertEquals(d("15"), total.value());
        assertEquals(d("0.3750"), total.completionRate(), "(1 + 0 + 0.5 + 0) / 4");
        KpiScore.Summary average = KpiScore.summarize(W1, W1.plusWeeks(3), entries, Aggregation.AVERAGE);
        assertEquals(d("7.50"), average.value());
        assertEquals(d("0.3750"), average.completionRate());
        KpiScore.Summary empty = KpiScore.summarize(W1, W1.plusWeeks(1), List.of(), Aggregation.AVERAGE);
        assertNull(empty.value());
        assertEquals(d("0.0000"), empty.completionRate());
        // A reverse KPI gets no credit for a week without data either.
        KpiScore.Summary reverse = KpiScore.summarize(W1, W1.plusWeeks(1),
                List.of(new Week(W1, d("0"), d("2"), true)), Aggregation.TOTAL);
        assertEquals(d("0.5000"), reverse.completionRate());
    }

    @Test
    void isoWeeksRoundTripAndImpossibleWeeksAreRefused() {
        assertEquals(LocalDate.of(2026, 3, 2), IsoWeek.parse("week", "2026-W10"));
        assertEquals("2026-W53", IsoWeek.format(IsoWeek.parse("week", "2026-W53")));
        assertEquals(LocalDate.of(2024, 12, 30), IsoWeek.parse("week", "2025-W01"));
        for (String bad : List.of("2025-W53", "2026-W00", "2026-W54", "2026-10", "W10", "2026-W1")) {
            org.lifeos.platform.error.ProblemException problem = org.junit.jupiter.api.Assertions.assertThrows(
                    org.lifeos.platform.error.ProblemException.class, () -> IsoWeek.parse("week", bad), bad);
            assertEquals("week", problem.errors().get(0).field());
        }
    }

    @Property
    void aRateIsAlwaysBetweenZeroAndOne(@ForAll("amounts") BigDecimal value, @ForAll("amounts") BigDecimal target,
                                        @ForAll boolean reverse) {
        BigDecimal rate = KpiScore.rate(value, target, reverse);
        assertTrue(rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0, rate::toPlainString);
        assertEquals(KpiScore.meets(value, target, reverse), rate.compareTo(BigDecimal.ONE) == 0,
                "rate 1 exactly when the target is met");
    }

    @Property
    void moreIsBetterNormallyAndWorseInReverse(@ForAll("amounts") BigDecimal a, @ForAll("amounts") BigDecimal b,
                                               @ForAll("amounts") BigDecimal target) {
        BigDecimal low = a.min(b);
        BigDecimal high = a.max(b);
        assertTrue(KpiScore.rate(low, target, false).compareTo(KpiScore.rate(high, target, false)) <= 0);
        assertTrue(KpiScore.rate(low, target, true).compareTo(KpiScore.rate(high, target, true)) >= 0);
    }

    @Property
    void aMissingWeekNeverRaisesTheCompletionRate(@ForAll("weeks") List<Week> weeks, @ForAll boolean average) {
        Aggregation kind = average ? Aggregation.AVERAGE : Aggregation.TOTAL;
        LocalDate to = W1.plusWeeks(11);
        KpiScore.Summary all = KpiScore.summarize(W1, to, weeks, kind);
        for (int i = 0; i < weeks.size(); i++) {
            List<Week> fewer = new ArrayList<>(weeks);
            fewer.remove(i);
            KpiScore.Summary missing = KpiScore.summarize(W1, to, fewer, kind);
            assertTrue(missing.completionRate().compareTo(all.completionRate()) <= 0,
                    () -> "dropping a week raised " + all.completionRate() + " to " + missing.completionRate());
        }
        assertTrue(all.completionRate().compareTo(BigDecimal.ONE) <= 0);
        assertTrue(all.weeksMet() <= all.weeksWithEntries());
        assertTrue(all.weeksWithEntries() <= all.weeks());
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("100000")).ofScale(2)
                .edgeCases(edges -> edges.add(BigDecimal.ZERO));
    }

    @Provide
    Arbitrary<List<Week>> weeks() {
        Arbitrary<BigDecimal> amounts = amounts();
        return Arbitraries.integers().between(0, 11).set().ofMaxSize(12).flatMap(offsets -> {
            List<Integer> sorted = offsets.stream().sorted().toList();
            return amounts.list().ofSize(sorted.size() * 2).flatMap(values -> Arbitraries.of(true, false)
                    .map(reverse -> {
                        List<Week> list = new ArrayList<>();
                        for (int i = 0; i < sorted.size(); i++) {
                            list.add(new Week(W1.plusWeeks(sorted.get(i)), values.get(2 * i), values.get(2 * i + 1),
                                    reverse));
                        }
                        return list;
                    }));
        });
    }
}
