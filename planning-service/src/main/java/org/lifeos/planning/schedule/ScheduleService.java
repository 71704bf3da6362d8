package org.lifeos.planning.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.dailyplan.DailyPlanRepository;
import org.lifeos.planning.schedule.Scheduler.Suggestion;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskRepository;
import org.lifeos.planning.time.UserDay;
import org.lifeos.planning.timeblock.TimeBlock;
import org.lifeos.planning.timeblock.TimeBlockRepository;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/** Reads the day and the circle's unscheduled tasks and asks {@link Scheduler}; writes nothing. */
@ApplicationScoped
public class ScheduleService {

    public record DaySuggestionView(LocalDate date, LocalTime workStart, LocalTime workEnd, EnergyLevel dayEnergy,
                                    List<Scheduler.Proposal> proposals, List<Scheduler.Unplaced> unplaced) {
    }

    private final TaskRepository tasks;
    private final TimeBlockRepository blocks;
    private final DailyPlanRepository plans;
    private final WorkingHours hours;
    private final UserDay userDay;
    private final TenantContext context;

    public ScheduleService(TaskRepository tasks, TimeBlockRepository blocks, DailyPlanRepository plans,
                           WorkingHours hours, UserDay userDay, TenantContext context) {
        this.tasks = tasks;
        this.blocks = blocks;
        this.plans = plans;
        this.hours = hours;
        this.userDay = userDay;
        this.context = context;
    }

    @Transactional
    public DaySuggestionView suggest(LocalDate date, LocalTime workStart, LocalTime workEnd) {
        LocalDate day = date == null ? userDay.today() : date;
        LocalTime start = workStart == null ? hours.start() : workStart;
        LocalTime end = workEnd == null ? hours.end() : workEnd;
        if (!end.isAfter(start)) {
            throw ProblemException.badField("workEnd", "must be after workStart (" + start + ")");
        }
        List<TimeBlock> dayBlocks = blocks.ofDay(context.userId(), day);
        Set<UUID> blocked = dayBlocks.stream().map(b -> b.taskId).filter(Objects::nonNull).collect(Collectors.toSet());
        EnergyLevel energy = plans.of(context.userId(), day).map(p -> p.energyLevel).orElse(null);
        List<Scheduler.Candidate> candidates = tasks.unscheduled().stream()
                .filter(t -> !blocked.contains(t.id))
                .map(t -> new Scheduler.Candidate(t.id, t.title, t.priority, t.dueDate,
                        t.estimatedMinutes != null && t.estimatedMinutes > 0 ? t.estimatedMinutes : t.timeBlockMinutes,
                        t.energyLevel))
                .toList();
        Suggestion suggestion = Scheduler.suggest(start, end,
                dayBlocks.stream().map(b -> new FreeTime.Span(b.startTime, b.endTime)).toList(), energy, candidates);
        return new DaySuggestionView(day, start, end, energy, suggestion.proposals(), suggestion.unplaced());
    }
}
