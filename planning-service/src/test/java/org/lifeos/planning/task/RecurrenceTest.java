package org.lifeos.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lifeos.platform.error.ProblemException;

/** Recurrence by example: the cases a reader checks first. */
class RecurrenceTest {

    private static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 3, 2, 9, 0);

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "FREQ=SOMETIMES", "FREQ=DAILY;BYHOUR=25", "FREQ=SECONDLY",
            "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;COUNT=0", "INTERVAL=2"})
    void aBadRuleIsA400NamingTheField(String rule) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> Recurrence.parse("recurrenceRule", rule));
        assertEquals("recurrenceRule", problem.errors().get(0).field());
    }

    @Test
    void weeklyOnMondaysAndWednesdays() {
        String rule = "FREQ=WEEKLY;BYDAY=MO,WE";
        assertEquals(Optional.of(MONDAY_9.plusDays(2)), Recurrence.next(rule, MONDAY_9, MONDAY_9, Set.of()));
        assertEquals(Optional.of(MONDAY_9.plusDays(7)), Recurrence.next(rule, MONDAY_9, MONDAY_9.plusDays(2), Set.of()));
        // EXDATE skips the next Monday
        assertEquals(Optional.of(MONDAY_9.plusDays(9)), Recurrence.next(rule, MONDAY_9, MONDAY_9.plusDays(2),
                Set.of(LocalDate.of(2026, 3, 9))));
    }

    @Test
    void countAndUntilEndTheSeries() {
        assertEquals(Optional.of(MONDAY_9.plusDays(1)), Recurrence.next("FREQ=DAILY;COUNT=2", MONDAY_9, MONDAY_9, Set.of()));
        assertEquals(Optional.empty(), Recurrence.next("FREQ=DAILY;COUNT=2", MONDAY_9, MONDAY_9.plusDays(1), Set.of()));
        assertEquals(Optional.empty(), Recurrence.next("FREQ=DAILY;UNTIL=20260303T000000Z", MONDAY_9, MONDAY_9, Set.of()));
        assertEquals(Optional.empty(), Recurrence.next("FREQ=DAILY;COUNT=2", MONDAY_9, MONDAY_9,
                Set.of(LocalDate.of(2026, 3, 3))), "an EXDATE still uses up one of COUNT (RFC 5545)");
    }

    @Test
    void aDailyNineOClockInBerlinStaysAtNineAcrossTheSpringChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime saturday = LocalDateTime.of(2026, 3, 28, 9, 0);
        LocalDateTime sunday = Recurrence.next("FREQ=DAILY", saturday, saturday, Set.of()).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 3, 29, 9, 0), sunday);
        assertEquals(Duration.ofHours(23), Duration.between(saturday.atZone(berlin), sunday.atZone(berlin)),
                "the clocks went forward overnight");
    }

    @Test
    void repeatingFromCompletionCountsFromTheDayItWasDone() {
        LocalDateTime planned = LocalDateTime.of(2026, 3, 2, 18, 30);
        assertEquals(Optional.of(LocalDateTime.of(2026, 3, 13, 18, 30)), Recurrence.nextFromCompletion(
                "FREQ=DAILY;INTERVAL=3", LocalDate.of(2026, 3, 10), planned, 1, Set.of()));
        assertEquals(Optional.empty(), Recurrence.nextFromCompletion("FREQ=DAILY;COUNT=3",
                LocalDate.of(2026, 3, 10), planned, 3, Set.of()));
        assertTrue(Recurrence.nextFromCompletion("FREQ=DAILY;COUNT=3", LocalDate.of(2026, 3, 10), planned, 2,
                Set.of()).isPresent());
    }
}
