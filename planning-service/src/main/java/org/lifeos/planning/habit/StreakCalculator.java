package org.lifeos.planning.habit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lifeos.planning.habit.HabitEnums.CheckInStatus;

/**
 * Current and best streak of a habit from its check-ins, as of the user's {@code today}. Pure:
 * no clock, no database, so the rules can be tested exhaustively.
 *
 * <p>The rules, the same for every schedule:
 * <ul>
 *   <li>{@code done} and {@code partial} count one each; {@code skipped} counts nothing but
 *       excuses its day (or, towards {@code timesPerWeek}, one of the week's times), so it never
 *       breaks a streak.</li>
 *   <li>A streak breaks when something due passed without a check-in: a scheduled day of an
 *       {@code OnDays} schedule (daily is every day), more than {@code intervalDays} days between
 *       two check-ins of an {@code EveryDays} schedule, or an ISO week with fewer check-ins than
 *       {@code timesPerWeek}.</li>
 *   <li>Today (and for weekly schedules, this week) is still open: not having checked in yet
 *       does not break the current streak.</li>
 *   <li>Check-ins on days an {@code OnDays} schedule does not plan are ignored; check-ins after
 *       today are ignored.</li>
 * </ul>
 * For a {@code timesPerWeek} schedule the streak counts weeks that reached the target with
 * done/partial check-ins; a week that reaches it only with skipped ones is excused.
 */
public final class StreakCalculator {

    public record CheckIn(LocalDate date, CheckInStatus status) {
    }

    public record Streak(int current, int best) {
        public static final Streak NONE = new Streak(0, 0);
    }

    private StreakCalculator() {
    }

    public static Streak compute(Schedule schedule, Collection<CheckIn> checkIns, LocalDate today) {
        TreeMap<LocalDate, CheckInStatus> byDate = new TreeMap<>();
        for (CheckIn checkIn : checkIns) {
            if (!checkIn.date().isAfter(today)) {
                byDate.merge(checkIn.date(), checkIn.status(), StreakCalculator::stronger);
            }
        }
        if (schedule instanceof Schedule.TimesPerWeek weekly) {
            return byWeeks(weekly.times(), byDate, today);
        }
        return byLinks(schedule, byDate, today);
    }

    /**
     * The current streak as of {@code today}, from {@code stored} (the current streak as of the
     * habit's last write) and the dates of its latest check-ins: at least all of the latest week's,
     * so the last seven (one a day) are enough. Time passing without a write can only end a streak,
     * never lengthen it, so this reads no further back and agrees with {@link #compute} over all
     * check-ins: a day schedule's streak ends once something due after the last check-in passed; a
     * weekly target's once the last week with check-ins ended short of it, or a whole week passed
     * without any.
     */
    public static int currentAsOf(Schedule schedule, int stored, Collection<LocalDate> latest, LocalDate today) {
        if (stored == 0) {
            return 0;
        }
        if (latest.isEmpty()) {
            return 0;
        }
        if (schedule instanceof Schedule.TimesPerWeek weekly) {
            LocalDate lastWeek = weekOf(latest.stream().max(LocalDate::compareTo).orElseThrow());
            LocalDate thisWeek = weekOf(today);
            if (!lastWeek.isBefore(thisWeek)) {
                return stored;
            }
            long marks = latest.stream().filter(d -> weekOf(d).equals(lastWeek)).count();
            return lastWeek.plusWeeks(1).isBefore(thisWeek) || marks < weekly.times() ? 0 : stored;
        }
        return latest.stream()
                .filter(d -> !(schedule instanceof Schedule.OnDays onDays) || onDays.days().contains(d.getDayOfWeek()))
                .max(LocalDate::compareTo)
                .filter(last -> !missedBetween(schedule, last, today))
                .map(last -> stored).orElse(0);
    }

    /** Day schedules: a chain of check-ins, broken where something due between two links was missed. */
    private static Streak byLinks(Schedule schedule, TreeMap<LocalDate, CheckInStatus> byDate, LocalDate today) {
        int run = 0;
        int best = 0;
        LocalDate previous = null;
        for (Map.Entry<LocalDate, CheckInStatus> entry : byDate.entrySet()) {
            LocalDate date = entry.getKey();
            if (schedule instanceof Schedule.OnDays onDays && !onDays.days().contains(date.getDayOfWeek())) {
                continue;
            }
            if (previous != null && missedBetween(schedule, previous, date)) {
                run = 0;
            }
            if (entry.getValue().counts()) {
                run++;
            }
            best = Math.max(best, run);
            previous = date;
        }
        int current = previous != null && !missedBetween(schedule, previous, today) ? run : 0;
        return new Streak(current, best);
    }

    /** Whether something was due strictly after {@code from} and strictly before {@code to}. */
    private static boolean missedBetween(Schedule schedule, LocalDate from, LocalDate to) {
        if (schedule instanceof Schedule.EveryDays every) {
            return ChronoUnit.DAYS.between(from, to) > every.days();
        }
        Schedule.OnDays onDays = (Schedule.OnDays) schedule;
        // At most a week of days to look at: any longer gap contains every day of the week.
        for (LocalDate day = from.plusDays(1); day.isBefore(to); day = day.plusDays(1)) {
            if (onDays.days().contains(day.getDayOfWeek())) {
                return true;
            }
        }
        return false;
    }

    /** Weekly targets: each ISO week met, excused (met only with skips) or missed; this week is still open. */
    private static Streak byWeeks(int times, TreeMap<LocalDate, CheckInStatus> byDate, LocalDate today) {
        if (byDate.isEmpty()) {
            return Streak.NONE;
        }
        LocalDate thisWeek = weekOf(today);
        int run = 0;
        int best = 0;
        for (LocalDate week = weekOf(byDate.firstKey()); !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            List<CheckInStatus> marks = List.copyOf(byDate.subMap(week, week.plusWeeks(1)).values());
            long counted = marks.stream().filter(CheckInStatus::counts).count();
            if (counted >= times) {
                run++;
            } else if (marks.size() < times && week.isBefore(thisWeek)) {
                run = 0;
            }
            best = Math.max(best, run);
        }
        return new Streak(run, best);
    }

    private static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static CheckInStatus stronger(CheckInStatus a, CheckInStatus b) {
        return a.counts() ? a : b;
    }
}
