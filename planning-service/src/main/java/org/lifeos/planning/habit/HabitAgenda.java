package org.lifeos.planning.habit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.habit.HabitEnums.CheckInStatus;
import org.lifeos.planning.habit.HabitEnums.TimeOfDay;

/** Which active habits are due on a date, and whether they have been checked in that day. */
@ApplicationScoped
public class HabitAgenda {

    /** A habit due on the day; {@code checkIn} is that day's status, null when not checked in yet. */
    public record DueHabit(UUID habitId, String name, TimeOfDay timeOfDay, Integer estimatedMinutes,
                           int streakCurrent, CheckInStatus checkIn) {
    }

    private final HabitRepository habits;
    private final HabitCheckInRepository checkIns;

    public HabitAgenda(HabitRepository habits, HabitCheckInRepository checkIns) {
        this.habits = habits;
        this.checkIns = checkIns;
    }

    /**
     * The habits due on {@code date}, each with its current streak as of {@code today} (the user's
     * today, which may differ from the day asked about).
     */
    @Transactional
    public List<DueHabit> dueOn(LocalDate date, LocalDate today) {
        return habits.list("active = true order by name, id").stream()
                .sorted(Comparator.comparing(habit -> habit.timeOfDay.ordinal()))
                .map(habit -> {
                    Schedule schedule = habit.schedule();
                    List<HabitCheckIn> marks = checkIns.allOf(habit.id);
                    CheckInStatus checkIn = marks.stream().filter(c -> c.date.equals(date)).map(c -> c.status)
                            .findFirst().orElse(null);
                    List<LocalDate> counted = marks.stream().filter(c -> c.status.counts() && c.date.isBefore(date))
                            .map(c -> c.date).toList();
                    return checkIn != null || isDue(schedule, date, counted)
                            ? new DueHabit(habit.id, habit.name, habit.timeOfDay, habit.estimatedMinutes,
                            StreakCalculator.currentAsOf(schedule, habit.streakCurrent,
                                    marks.stream().map(c -> c.date).toList(), today), checkIn) : null;
                })
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Due on {@code date} given the earlier check-ins that count: a planned day of the week; an
     * interval that has run out since the last one; a weekly target not yet reached this ISO week.
     */
    static boolean isDue(Schedule schedule, LocalDate date, List<LocalDate> countedBefore) {
        if (schedule instanceof Schedule.OnDays onDays) {
            return onDays.days().contains(date.getDayOfWeek());
        }
        if (schedule instanceof Schedule.EveryDays every) {
            return countedBefore.stream().max(LocalDate::compareTo)
                    .map(last -> ChronoUnit.DAYS.between(last, date) >= every.days()).orElse(true);
        }
        Schedule.TimesPerWeek weekly = (Schedule.TimesPerWeek) schedule;
        return countedBefore.stream()
                .filter(d -> d.get(IsoFields.WEEK_BASED_YEAR) == date.get(IsoFields.WEEK_BASED_YEAR)
                        && d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                .count() < weekly.times();
    }
}
