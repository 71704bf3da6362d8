package org.lifeos.planning.today;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.dailyplan.DailyPlanDtos.DailyPlanView;
import org.lifeos.planning.dailyplan.DailyPlanRepository;
import org.lifeos.planning.habit.HabitAgenda;
import org.lifeos.planning.schedule.FreeTime;
import org.lifeos.planning.schedule.WorkingHours;
import org.lifeos.planning.task.Task;
import org.lifeos.planning.task.TaskDtos.TaskView;
import org.lifeos.planning.task.TaskRepository;
import org.lifeos.planning.time.Now;
import org.lifeos.planning.time.UserDay;
import org.lifeos.planning.timeblock.TimeBlock;
import org.lifeos.planning.timeblock.TimeBlockDtos.TimeBlockView;
import org.lifeos.planning.timeblock.TimeBlockRepository;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's day in one read: their daily plan and time blocks, the circle's open tasks
 * scheduled for the day or due by it (overdue first), the habits due with their check-in state,
 * and the quick wins that fit the day's free minutes. "Today" is the user's date in their time zone.
 */
@ApplicationScoped
public class TodayService {

    /** A quick win without an estimate is taken to need this long (seed 000: "< 5 min"). */
    static final int QUICK_WIN_MINUTES = 5;

    public record TodayTask(boolean overdue, TaskView task) {
    }

    public record Today(LocalDate date, String timeZone, DailyPlanView dailyPlan, List<TimeBlockView> timeBlocks,
                        List<TodayTask> tasks, List<HabitAgenda.DueHabit> habits, LocalTime workStart,
                        LocalTime workEnd, long freeMinutes, List<TaskView> quickWins) {
    }

    private final DailyPlanRepository plans;
    private final TimeBlockRepository blocks;
    private final TaskRepository tasks;
    private final HabitAgenda habits;
    private final WorkingHours hours;
    private final UserDay userDay;
    private final Now now;
    private final TenantContext context;

    public TodayService(DailyPlanRepository plans, TimeBlockRepository blocks, TaskRepository tasks,
                        HabitAgenda habits, WorkingHours hours, UserDay userDay, Now now, TenantContext context) {
        this.now = now;
        this.plans = plans;
        this.blocks = blocks;
        this.tasks = tasks;
        this.habits = habits;
        this.hours = hours;
        this.userDay = userDay;
        this.context = context;
    }

    /** The day {@code date}, or the user's today when null, in the zone of the caller's token. */
    @Transactional
    public Today of(LocalDate date) {
        return of(date, userDay.zone());
    }

    /** The day {@code date}, or today in {@code zone} when null. */
    @Transactional
    public Today of(LocalDate date, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now.instant(), zone);
        LocalDate day = date == null ? today : date;
        List<TimeBlock> dayBlocks = blocks.ofDay(context.userId(), day);
        long free = FreeTime.minutes(FreeTime.within(hours.start(), hours.end(),
                dayBlocks.stream().map(b -> new FreeTime.Span(b.startTime, b.endTime)).toList()));
        List<Task> open = new ArrayList<>(tasks.openOn(day));
        open.sort(order(day));
        List<TodayTask> todays = open.stream()
                .map(t -> new TodayTask(t.dueDate != null && t.dueDate.isBefore(day), TaskView.of(t))).toList();
        return new Today(day, zone.getId(),
                plans.of(context.userId(), day).map(DailyPlanView::of).orElse(null),
                dayBlocks.stream().map(TimeBlockView::of).toList(), todays, habits.dueOn(day, today),
                hours.start(), hours.end(), free, quickWins(tasks.quickWins(day), open, free));
    }

    /** Overdue first (oldest due first), then by scheduled time (untimed last), priority, id. */
    static Comparator<Task> order(LocalDate day) {
        return Comparator.<Task, Boolean>comparing(t -> !(t.dueDate != null && t.dueDate.isBefore(day)))
                .thenComparing(t -> t.dueDate != null && t.dueDate.isBefore(day) ? t.dueDate : LocalDate.MAX)
                .thenComparing(t -> t.scheduledTime == null ? LocalTime.MAX : t.scheduledTime)
                .thenComparing(t -> t.priority.ordinal())
                .thenComparing(t -> t.id);
    }

    /** Greedily, most important first, the quick wins whose minutes still fit; the day's tasks are not repeated. */
    static List<TaskView> quickWins(List<Task> candidates, List<Task> alreadyListed, long freeMinutes) {
        List<TaskView> fitting = new ArrayList<>();
        long left = freeMinutes;
        for (Task task : candidates) {
            if (alreadyListed.stream().anyMatch(t -> t.id.equals(task.id))) {
                continue;
            }
            int minutes = task.estimatedMinutes == null ? QUICK_WIN_MINUTES : task.estimatedMinutes;
            if (minutes <= left) {
                fitting.add(TaskView.of(task));
                left -= minutes;
            }
        }
        return fitting;
    }
}
