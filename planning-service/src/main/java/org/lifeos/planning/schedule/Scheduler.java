package org.lifeos.planning.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.lifeos.planning.schedule.FreeTime.Span;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskEnums.Priority;

/**
 * Proposes time blocks for unscheduled tasks in a day's free time; pure and deterministic (the
 * same day and tasks give the same proposal, whatever order they come in). The rule:
 * <ol>
 *   <li>Tasks are taken by priority (critical first), then due date (earliest first, none last),
 *   then estimate (shorter first), then id.</li>
 *   <li>A task needs its estimate, or its time block length when it has no estimate.</li>
 *   <li>High-energy tasks are placed first, each into the earliest free span of the working window
 *   where it fits, so deep work gets the first free hours; then medium, then low-energy tasks, the
 *   same way, into what is left.</li>
 *   <li>On a low-energy day (the daily plan says {@code low}) high-energy tasks are not proposed.</li>
 *   <li>Nothing is placed over an existing block or outside the window; a task that fits nowhere is
 *   listed as unplaced, with the reason.</li>
 * </ol>
 */
public final class Scheduler {

    public record Candidate(UUID taskId, String title, Priority priority, LocalDate dueDate, int minutes,
                            EnergyLevel energyLevel) {
    }

    public record Proposal(UUID taskId, String title, LocalTime startTime, LocalTime endTime, EnergyLevel energyLevel,
                           Priority priority) {
    }

    public record Unplaced(UUID taskId, String title, String reason) {
    }

    public record Suggestion(List<Proposal> proposals, List<Unplaced> unplaced) {
    }

    static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::priority)
            .thenComparing(c -> c.dueDate() == null ? LocalDate.MAX : c.dueDate())
            .thenComparing(Candidate::minutes)
            .thenComparing(Candidate::taskId);

    private Scheduler() {
    }

    public static Suggestion suggest(LocalTime windowStart, LocalTime windowEnd, List<Span> existing,
                                     EnergyLevel dayEnergy, List<Candidate> candidates) {
        List<Span> free = new ArrayList<>(FreeTime.within(windowStart, windowEnd, existing));
        List<Proposal> proposals = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        List<Candidate> sorted = candidates.stream().sorted(ORDER).toList();
        for (EnergyLevel pass : EnergyLevel.values()) {
            for (Candidate candidate : sorted) {
                if (candidate.energyLevel() != pass) {
                    continue;
                }
                if (pass == EnergyLevel.HIGH && dayEnergy == EnergyLevel.LOW) {
                    unplaced.add(new Unplaced(candidate.taskId(), candidate.title(),
                            "high-energy task on a low-energy day"));
                    continue;
                }
                int index = firstFit(free, candidate.minutes());
                if (index < 0) {
                    unplaced.add(new Unplaced(candidate.taskId(), candidate.title(),
                            "no free span of " + candidate.minutes() + " minutes in the working window"));
                    continue;
                }
                Span span = free.get(index);
                LocalTime end = span.start().plusMinutes(candidate.minutes());
                proposals.add(new Proposal(candidate.taskId(), candidate.title(), span.start(), end,
                        candidate.energyLevel(), candidate.priority()));
                if (end.equals(span.end())) {
                    free.remove(index);
                } else {
                    free.set(index, new Span(end, span.end()));
                }
            }
        }
        proposals.sort(Comparator.comparing(Proposal::startTime));
        return new Suggestion(proposals, unplaced);
    }

    private static int firstFit(List<Span> free, int minutes) {
        for (int i = 0; i < free.size(); i++) {
            if (minutes > 0 && free.get(i).minutes() >= minutes) {
                return i;
            }
        }
        return -1;
    }
}
