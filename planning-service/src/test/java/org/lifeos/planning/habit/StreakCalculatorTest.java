package org.lifeos.planning.habit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lifeos.planning.habit.HabitEnums.CheckInStatus;
import org.lifeos.planning.habit.StreakCalculator.CheckIn;
import org.lifeos.planning.habit.StreakCalculator.Streak;

/** The streak rules, one example each; StreakPropertiesTest checks them over generated histories. */
class StreakCalculatorTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    @Test
    void noCheckInsIsNoStreak() {
        assertEquals(new Streak(0, 0), StreakCalculator.compute(Schedule.daily(), List.of(), TODAY));
    }

    @Test
    void dailyStreakCountsConsecutiveDaysEndingToday() {
        assertEquals(new Streak(3, 3), daily(done(0), done(1), done(2)));
    }

    @Test
    void todayIsStillOpenSoEndingYesterdayKeepsTheStreak() {
        assertEquals(new Streak(2, 2), daily(done(1), done(2)));
    }

    @Test
    void aMissedDayBeforeYesterdayEndsTheCurrentStreakButNotTheBest() {
        assertEquals(new Streak(0, 2), daily(done(2), done(3)));
    }

    @Test
    void aCheckInAfterAMissedDayStartsOver() {
        assertEquals(new Streak(1, 3), daily(done(0), done(2), done(3), done(4)));
    }

    @Test
    void skippedBridgesADayWithoutCounting() {
        assertEquals(new Streak(2, 2), daily(done(0), skipped(1), done(2)));
    }

    @Test
    void partialCountsLikeDone() {
        assertEquals(new Streak(3, 3), daily(partial(0), done(1), partial(2)));
    }

    @Test
    void onlySkippedIsAnUnbrokenStreakOfZero() {
        assertEquals(new Streak(0, 0), daily(skipped(0), skipped(1)));
    }

    @Test
    void checkInsAfterTodayAreIgnored() {
        assertEquals(new Streak(1, 1), daily(done(0), done(-1)));
    }

    @Test
    void daysOfWeekIgnoresUnplannedDaysBetweenPlannedOnes() {
        Schedule monWedFri = new Schedule.OnDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        // Fri 6th, Mon 9th, Wed 11th (today): Sat, Sun, Tue were never due.
        List<CheckIn> checkIns = List.of(done(5), done(2), done(0));
        assertEquals(new Streak(3, 3), StreakCalculator.compute(monWedFri, checkIns, TODAY));
    }

    @Test
    void daysOfWeekBreaksOnAMissedPlannedDay() {
        Schedule monWedFri = new Schedule.OnDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        // Fri 6th, then Mon 9th missed; today (Wed) still open.
        assertEquals(new Streak(0, 1), StreakCalculator.compute(monWedFri, List.of(done(5)), TODAY));
    }

    @Test
    void checkInsOnUnplannedDaysDoNotCount() {
        Schedule mondays = new Schedule.OnDays(EnumSet.of(DayOfWeek.MONDAY));
        // Tue 10th is not a Monday; Mon 9th is.
        assertEquals(new Streak(1, 1), StreakCalculator.compute(mondays, List.of(done(2), done(1)), TODAY));
    }

    @Test
    void intervalAllowsUpToThatManyDaysBetweenCheckIns() {
        Schedule everyThree = new Schedule.EveryDays(3);
        assertEquals(new Streak(3, 3), StreakCalculator.compute(everyThree, List.of(done(9), done(6), done(3)), TODAY));
        assertEquals(new Streak(0, 3), StreakCalculator.compute(everyThree, List.of(done(10), done(7), done(4)), TODAY));
    }

    @Test
    void intervalBreaksOnALongerGap() {
        Schedule everyTwo = new Schedule.EveryDays(2);
        assertEquals(new Streak(1, 1), StreakCalculator.compute(everyTwo, List.of(done(4), done(1)), TODAY));
    }

    @Test
    void timesPerWeekCountsWeeksThatReachedTheTarget() {
        Schedule twice = new Schedule.TimesPerWeek(2);
        // Week of Feb 23: 2 done; week of Mar 2: 2 done; this week (Mar 9): 1 so far, still open.
        List<CheckIn> checkIns = List.of(on("2026-02-23", CheckInStatus.DONE), on("2026-02-26", CheckInStatus.DONE),
                on("2026-03-02", CheckInStatus.DONE), on("2026-03-08", CheckInStatus.PARTIAL),
                on("2026-03-10", CheckInStatus.DONE));
        assertEquals(new Streak(2, 2), StreakCalculator.compute(twice, checkIns, TODAY));
    }

    @Test
    void aWeekShortOfTheTargetBreaksTheStreak() {
        Schedule twice = new Schedule.TimesPerWeek(2);
        List<CheckIn> checkIns = List.of(on("2026-02-23", CheckInStatus.DONE), on("2026-02-24", CheckInStatus.DONE),
                on("2026-03-03", CheckInStatus.DONE), on("2026-03-09", CheckInStatus.DONE),
                on("2026-03-10", CheckInStatus.DONE));
        assertEquals(new Streak(1, 1), StreakCalculator.compute(twice, checkIns, TODAY));
    }

    @Test
    void aWeekReachingTheTargetOnlyWithSkipsIsExcused() {
        Schedule twice = new Schedule.TimesPerWeek(2);
        List<CheckIn> checkIns = List.of(on("2026-02-23", CheckInStatus.DONE), on("2026-02-24", CheckInStatus.DONE),
                on("2026-03-03", CheckInStatus.DONE), on("2026-03-04", CheckInStatus.SKIPPED),
                on("2026-03-09", CheckInStatus.DONE), on("2026-03-10", CheckInStatus.DONE));
        assertEquals(new Streak(2, 2), StreakCalculator.compute(twice, checkIns, TODAY));
    }

    @Test
    void weeklyIsOncePerWeekAndAnEmptyWeekBreaksIt() {
        Schedule weekly = new Schedule.TimesPerWeek(1);
        List<CheckIn> checkIns = List.of(on("2026-02-16", CheckInStatus.DONE), on("2026-02-27", CheckInStatus.DONE),
                on("2026-03-01", CheckInStatus.DONE));
        // Week of Feb 16 done, Feb 23 done (27th), Mar 2 empty: broken; this week still open.
        assertEquals(new Streak(0, 2), StreakCalculator.compute(weekly, checkIns, TODAY));
    }

    private static Streak daily(CheckIn... checkIns) {
        return StreakCalculator.compute(Schedule.daily(), new ArrayList<>(List.of(checkIns)), TODAY);
    }

    private static CheckIn done(int daysAgo) {
        return new CheckIn(TODAY.minusDays(daysAgo), CheckInStatus.DONE);
    }

    private static CheckIn skipped(int daysAgo) {
        return new CheckIn(TODAY.minusDays(daysAgo), CheckInStatus.SKIPPED);
    }

    private static CheckIn partial(int daysAgo) {
        return new CheckIn(TODAY.minusDays(daysAgo), CheckInStatus.PARTIAL);
    }

    private static CheckIn on(String date, CheckInStatus status) {
        return new CheckIn(LocalDate.parse(date), status);
    }
}
