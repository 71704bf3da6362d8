package org.lifeos.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The next occurrence of a recurring task, for random rules, starts, zones and EXDATEs: strictly
 * after the current one, one the rule makes, never on an EXDATE, none skipped in between, and at
 * the series' local wall time whatever daylight saving does in between.
 */
class RecurrencePropertiesTest {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Sydney",
            "Europe/London", "UTC");

    @Property(tries = 300)
    void theNextOccurrenceIsALaterOneOfTheRuleNeverAnExdateAndNoneIsSkipped(
            @ForAll("rules") String rule, @ForAll("starts") LocalDateTime seriesStart,
            @ForAll @IntRange(min = 0, max = 400) int daysIn, @ForAll("exdates") List<Integer> exdateOffsets) {
        LocalDateTime current = seriesStart.plusDays(daysIn);
        Set<LocalDate> exdates = dates(current.toLocalDate(), exdateOffsets);
        Optional<LocalDateTime> next = Recurrence.next(rule, seriesStart, current, exdates);
        Recur<LocalDateTime> recur = new Recur<>(rule);
        LocalDateTime horizon = next.orElse(current.plusYears(12)).plusSeconds(1);
        List<LocalDateTime> made = recur.getDates(seriesStart, seriesStart, horizon);
        next.ifPresent(value -> {
            assertTrue(value.isAfter(current), "strictly after the current occurrence");
            assertTrue(made.contains(value), value + " is an occurrence of " + rule + " from " + seriesStart);
            assertFalse(exdates.contains(value.toLocalDate()), "never on an EXDATE");
        });
        List<LocalDateTime> skipped = made.stream().filter(d -> d.isAfter(current))
                .filter(d -> next.isEmpty() || d.isBefore(next.get()))
                .filter(d -> !exdates.contains(d.toLocalDate())).toList();
        assertEquals(List.of(), skipped, "no occurrence of the rule lies between the current and the next");
    }

    @Property(tries = 300)
    void theSeriesKeepsItsLocalWallTimeAcrossDaylightSavingChanges(
            @ForAll("rules") String rule, @ForAll("starts") LocalDateTime seriesStart,
            @ForAll("zones") String zoneId, @ForAll @IntRange(min = 0, max = 400) int daysIn) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDateTime current = seriesStart.plusDays(daysIn);
        Recurrence.next(rule, seriesStart, current, Set.of()).ifPresent(next -> {
            ZonedDateTime placed = next.atZone(zone);
            assertEquals(seriesStart.toLocalTime(), placed.toLocalTime(),
                    "the occurrence is at the series' wall time in " + zone);
            assertEquals(next, placed.toLocalDateTime());
        });
    }

    @Property(tries = 200)
    void repeatingFromCompletionComesAfterBothTheCompletionAndThePlannedStart(
            @ForAll("rules") String rule, @ForAll("starts") LocalDateTime current,
            @ForAll @IntRange(min = -30, max = 30) int completedDaysLater,
            @ForAll @IntRange(min = 1, max = 12) int occurrence, @ForAll("exdates") List<Integer> exdateOffsets) {
        LocalDate completedOn = current.toLocalDate().plusDays(completedDaysLater);
        Set<LocalDate> exdates = dates(completedOn, exdateOffsets);
        Optional<LocalDateTime> next = Recurrence.nextFromCompletion(rule, completedOn, current, occurrence, exdates);
        int count = new Recur<LocalDateTime>(rule).getCount();
        if (count > 0 && occurrence >= count) {
            assertTrue(next.isEmpty(), "COUNT=" + count + " ends the series after occurrence " + occurrence);
            return;
        }
        next.ifPresent(value -> {
            assertTrue(value.isAfter(current), "after the planned start");
            assertTrue(value.toLocalDate().isAfter(completedOn) || value.isAfter(completedOn.atTime(current.toLocalTime())),
                    "after the completion");
            assertFalse(exdates.contains(value.toLocalDate()), "never on an EXDATE");
            assertEquals(current.toLocalTime(), value.toLocalTime(), "keeps the time of day");
        });
    }

    @Provide
    Arbitrary<String> rules() {
        Arbitrary<String> frequency = Arbitraries.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
        Arbitrary<Integer> interval = Arbitraries.integers().between(1, 4);
        Arbitrary<String> byDay = Arbitraries.subsetOf("MO", "TU", "WE", "TH", "FR", "SA", "SU").ofMinSize(1)
                .map(days -> days.stream().sorted().reduce((a, b) -> a + "," + b).orElseThrow());
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 12);
        return Combinators.combine(frequency, interval, byDay, count, Arbitraries.of(true, false))
                .as((freq, every, days, times, withDays) -> "FREQ=" + freq + ";INTERVAL=" + every
                        + (withDays && freq.equals("WEEKLY") ? ";BYDAY=" + days : "")
                        + (times > 0 ? ";COUNT=" + times : ""));
    }

    @Provide
    Arbitrary<LocalDateTime> starts() {
        // Hours from 04:00 on: no zone used here skips or repeats those hours at a DST change.
        return Combinators.combine(Arbitraries.integers().between(0, 3650), Arbitraries.integers().between(4, 23),
                        Arbitraries.of(0, 15, 30, 45))
                .as((day, hour, minute) -> LocalDate.of(2020, 1, 1).plusDays(day).atTime(LocalTime.of(hour, minute)));
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<List<Integer>> exdates() {
        return Arbitraries.integers().between(0, 60).list().ofMaxSize(15);
    }

    private static Set<LocalDate> dates(LocalDate from, List<Integer> offsets) {
        return Set.copyOf(offsets.stream().map(from::plusDays).toList());
    }
}
