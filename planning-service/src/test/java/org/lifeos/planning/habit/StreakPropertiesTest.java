package org.lifeos.planning.habit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.lifeos.planning.habit.HabitEnums.CheckInStatus;
import org.lifeos.planning.habit.StreakCalculator.CheckIn;
import org.lifeos.planning.habit.StreakCalculator.Streak;

/**
 * The streak rules over generated histories (at most one check-in per day, up to ten weeks back)
 * and every kind of schedule.
 */
class StreakPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    @Property
    void currentNeverExceedsBestAndBestNeverExceedsCountedCheckIns(@ForAll("schedules") Schedule schedule,
                                                                   @ForAll("histories") Map<Integer, CheckInStatus> history) {
        Streak streak = StreakCalculator.compute(schedule, checkIns(history), TODAY);
        long counted = history.values().stream().filter(CheckInStatus::counts).count();
        assertTrue(streak.current() >= 0, "current is never negative");
        assertTrue(streak.current() <= streak.best(), "current " + streak.current() + " <= best " + streak.best());
        assertTrue(streak.best() <= counted, "best " + streak.best() + " <= counted check-ins " + counted);
    }

    @Property
    void addingACheckInNeverShortensAStreak(@ForAll("schedules") Schedule schedule,
                                            @ForAll("histories") Map<Integer, CheckInStatus> history,
                                            @ForAll @IntRange(min = 0, max = 69) int daysAgo,
                                            @ForAll CheckInStatus status) {
        Streak before = StreakCalculator.compute(schedule, checkIns(history), TODAY);
        Map<Integer, CheckInStatus> more = new TreeMap<>(history);
        more.putIfAbsent(daysAgo, status);
        Streak after = StreakCalculator.compute(schedule, checkIns(more), TODAY);
        assertTrue(after.current() >= before.current(), "current " + before + " -> " + after);
        assertTrue(after.best() >= before.best(), "best " + before + " -> " + after);
    }

    @Property
    void skippedNeverCountsAndPartialCountsLikeDone(@ForAll("schedules") Schedule schedule,
                                                    @ForAll("histories") Map<Integer, CheckInStatus> history) {
        Map<Integer, CheckInStatus> partialAsDone = new TreeMap<>();
        history.forEach((day, status) -> partialAsDone.put(day, status == CheckInStatus.PARTIAL
                ? CheckInStatus.DONE : status));
        assertEquals(StreakCalculator.compute(schedule, checkIns(history), TODAY),
                StreakCalculator.compute(schedule, checkIns(partialAsDone), TODAY));

        Map<Integer, CheckInStatus> onlySkipped = new TreeMap<>();
        history.forEach((day, status) -> onlySkipped.put(day, CheckInStatus.SKIPPED));
        assertEquals(Streak.NONE, StreakCalculator.compute(schedule, checkIns(onlySkipped), TODAY));
    }

    @Property
    void theOrderOfCheckInsDoesNotMatter(@ForAll("schedules") Schedule schedule,
                                         @ForAll("histories") Map<Integer, CheckInStatus> history,
                                         @ForAll long seed) {
        List<CheckIn> shuffled = checkIns(history);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(StreakCalculator.compute(schedule, checkIns(history), TODAY),
                StreakCalculator.compute(schedule, shuffled, TODAY));
    }

    @Property
    void dailyEveryDayOfTheWeekAndEveryOneDayAreTheSameSchedule(@ForAll("histories") Map<Integer, CheckInStatus> history) {
        Streak daily = StreakCalculator.compute(Schedule.daily(), checkIns(history), TODAY);
        assertEquals(daily, StreakCalculator.compute(new Schedule.EveryDays(1), checkIns(history), TODAY));
        assertEquals(daily, StreakCalculator.compute(
                new Schedule.OnDays(EnumSet.allOf(DayOfWeek.class)), checkIns(history), TODAY));
    }

    @Property
    void anUnbrokenRunOfDoneDaysEndingTodayOrYesterdayIsTheCurrentStreak(
            @ForAll @IntRange(min = 1, max = 60) int length, @ForAll boolean endsYesterday,
            @ForAll("histories") Map<Integer, CheckInStatus> older) {
        int end = endsYesterday ? 1 : 0;
        Map<Integer, CheckInStatus> history = new TreeMap<>();
        older.forEach((day, status) -> history.put(day + end + length + 1, status)); // a missed day between
        for (int day = end; day < end + length; day++) {
            history.put(day, CheckInStatus.DONE);
        }
        Streak streak = StreakCalculator.compute(Schedule.daily(), checkIns(history), TODAY);
        assertEquals(length, streak.current());
    }

    @Property
    void aMissedDueDayBeforeTodayLeavesNoCurrentStreak(@ForAll("histories") Map<Integer, CheckInStatus> history,
                                                       @ForAll @IntRange(min = 2, max = 30) int missedSince) {
        Map<Integer, CheckInStatus> gap = new TreeMap<>(history);
        gap.keySet().removeIf(day -> day < missedSince);
        assertEquals(0, StreakCalculator.compute(Schedule.daily(), checkIns(gap), TODAY).current());
    }

    @Property
    void onDaysSchedulesIgnoreCheckInsOnUnplannedDays(@ForAll("onDays") Schedule.OnDays schedule,
                                                      @ForAll("histories") Map<Integer, CheckInStatus> history) {
        Map<Integer, CheckInStatus> planned = new TreeMap<>(history);
        planned.keySet().removeIf(day -> !schedule.days().contains(TODAY.minusDays(day).getDayOfWeek()));
        assertEquals(StreakCalculator.compute(schedule, checkIns(planned), TODAY),
                StreakCalculator.compute(schedule, checkIns(history), TODAY));
    }

    @Property
    void readingLaterFromTheStoredStreakAndTheLastWeekAgreesWithRecomputingEverything(
            @ForAll("schedules") Schedule schedule, @ForAll("histories") Map<Integer, CheckInStatus> history,
            @ForAll @IntRange(min = 0, max = 30) int daysLater) {
        List<CheckIn> all = checkIns(history);
        int stored = StreakCalculator.compute(schedule, all, TODAY).current();
        LocalDate readOn = TODAY.plusDays(daysLater);
        List<LocalDate> latest = all.stream().map(CheckIn::date).sorted(Comparator.reverseOrder()).limit(7).toList();
        assertEquals(StreakCalculator.compute(schedule, all, readOn).current(),
                StreakCalculator.currentAsOf(schedule, stored, latest, readOn),
                "stored " + stored + " read " + daysLater + " days later");
    }

    @Provide
    Arbitrary<Map<Integer, CheckInStatus>> histories() {
        return Arbitraries.maps(Arbitraries.integers().between(0, 69), Arbitraries.of(CheckInStatus.class))
                .ofMaxSize(70);
    }

    @Provide
    Arbitrary<Schedule.OnDays> onDays() {
        return Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1).map(days -> new Schedule.OnDays(
                EnumSet.copyOf(days)));
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        return Arbitraries.oneOf(
                Arbitraries.just(Schedule.daily()),
                onDays().map(s -> (Schedule) s),
                Arbitraries.integers().between(1, 10).map(Schedule.EveryDays::new),
                Arbitraries.integers().between(1, 7).map(Schedule.TimesPerWeek::new));
    }

    private static List<CheckIn> checkIns(Map<Integer, CheckInStatus> history) {
        List<CheckIn> checkIns = new ArrayList<>();
        history.forEach((daysAgo, status) -> checkIns.add(new CheckIn(TODAY.minusDays(daysAgo), status)));
        return checkIns;
    }
}
