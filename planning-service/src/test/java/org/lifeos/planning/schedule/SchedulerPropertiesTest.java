package org.lifeos.planning.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lifeos.planning.schedule.FreeTime.Span;
import org.lifeos.planning.schedule.Scheduler.Candidate;
import org.lifeos.planning.schedule.Scheduler.Proposal;
import org.lifeos.planning.schedule.Scheduler.Suggestion;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskEnums.Priority;

/**
 * The scheduler never places a task over an existing block or outside the working window, never
 * twice, never two proposals on each other, and gives the same answer for the same day whatever
 * order the tasks come in.
 */
class SchedulerPropertiesTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    @Property(tries = 500)
    void neverOverlapsExistingBlocksNeverOutsideTheWindow(@ForAll("windows") Span window,
                                                          @ForAll("blocks") List<Span> existing,
                                                          @ForAll("candidates") List<Candidate> tasks,
                                                          @ForAll("energies") EnergyLevel dayEnergy,
                                                          @ForAll long seed) {
        Suggestion suggestion = Scheduler.suggest(window.start(), window.end(), existing, dayEnergy, tasks);
        List<Proposal> proposals = suggestion.proposals();
        Set<UUID> placed = new HashSet<>();
        for (Proposal proposal : proposals) {
            Span span = new Span(proposal.startTime(), proposal.endTime());
            assertFalse(span.start().isBefore(window.start()), "starts inside the window");
            assertFalse(span.end().isAfter(window.end()), "ends inside the window");
            assertTrue(existing.stream().noneMatch(span::overlaps), span + " overlaps an existing block");
            assertTrue(placed.add(proposal.taskId()), "each task at most once");
            Candidate task = tasks.stream().filter(t -> t.taskId().equals(proposal.taskId())).findFirst().orElseThrow();
            assertEquals(task.minutes(), span.minutes(), "the task gets its minutes");
            if (dayEnergy == EnergyLevel.LOW) {
                assertFalse(task.energyLevel() == EnergyLevel.HIGH, "no deep work on a low-energy day");
            }
        }
        for (int i = 1; i < proposals.size(); i++) {
            assertFalse(proposals.get(i).startTime().isBefore(proposals.get(i - 1).endTime()),
                    "proposals do not overlap each other");
        }
        assertEquals(tasks.size(), proposals.size() + suggestion.unplaced().size(), "every task is answered for");

        List<Candidate> shuffled = new ArrayList<>(tasks);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(suggestion, Scheduler.suggest(window.start(), window.end(), existing, dayEnergy, shuffled),
                "deterministic: the order tasks arrive in changes nothing");
    }

    @Test
    void highEnergyTasksTakeTheFirstFreeHours() {
        Candidate email = candidate(Priority.CRITICAL, 30, EnergyLevel.LOW);
        Candidate design = candidate(Priority.LOW, 120, EnergyLevel.HIGH);
        Candidate review = candidate(Priority.HIGH, 60, EnergyLevel.MEDIUM);
        Suggestion suggestion = Scheduler.suggest(NINE, FIVE, List.of(new Span(LocalTime.of(10, 0), LocalTime.of(10, 30))),
                null, List.of(email, design, review));
        // 09:00-10:00 is too short for design (120): it takes the first span where it fits.
        // Then review (medium) takes 09:00-10:00 and email (low, though critical) what is left.
        assertEquals(List.of(review.taskId(), design.taskId(), email.taskId()),
                suggestion.proposals().stream().map(Proposal::taskId).toList());
        assertEquals(List.of(NINE, LocalTime.of(10, 30), LocalTime.of(12, 30)),
                suggestion.proposals().stream().map(Proposal::startTime).toList());
    }

    @Test
    void priorityThenDueDateDecideWhoGetsTheLastFreeSpan() {
        Candidate later = new Candidate(UUID.randomUUID(), "later", Priority.HIGH, LocalDate.of(2026, 5, 1), 60,
                EnergyLevel.MEDIUM);
        Candidate sooner = new Candidate(UUID.randomUUID(), "sooner", Priority.HIGH, LocalDate.of(2026, 4, 1), 60,
                EnergyLevel.MEDIUM);
        Suggestion suggestion = Scheduler.suggest(NINE, LocalTime.of(10, 0), List.of(), EnergyLevel.HIGH,
                List.of(later, sooner));
        assertEquals(List.of(sooner.taskId()), suggestion.proposals().stream().map(Proposal::taskId).toList());
        assertEquals(later.taskId(), suggestion.unplaced().get(0).taskId());
    }

    private static Candidate candidate(Priority priority, int minutes, EnergyLevel energy) {
        return new Candidate(UUID.randomUUID(), priority + "/" + energy, priority, null, minutes, energy);
    }

    @Provide
    Arbitrary<Span> windows() {
        return Combinators.combine(Arbitraries.integers().between(0, 12 * 4), Arbitraries.integers().between(1, 12 * 4))
                .as((start, length) -> new Span(LocalTime.of(6, 0).plusMinutes(start * 15L),
                        LocalTime.of(6, 0).plusMinutes(Math.min(start + length, 71) * 15L))); // at most 23:45
    }

    @Provide
    Arbitrary<List<Span>> blocks() {
        return Combinators.combine(Arbitraries.integers().between(0, 22 * 12), Arbitraries.integers().between(1, 36))
                .as((start, length) -> new Span(LocalTime.of(0, 0).plusMinutes(start * 5L),
                        LocalTime.of(0, 0).plusMinutes(Math.min(start * 5L + length * 5L, 23 * 60 + 55))))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        return Combinators.combine(Arbitraries.of(Priority.class), Arbitraries.integers().between(-1, 30),
                        Arbitraries.integers().between(5, 300), Arbitraries.of(EnergyLevel.class))
                .as((priority, due, minutes, energy) -> new Candidate(UUID.randomUUID(), "t", priority,
                        due < 0 ? null : LocalDate.of(2026, 3, 1).plusDays(due), minutes, energy))
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<EnergyLevel> energies() {
        return Arbitraries.of(EnergyLevel.class).injectNull(0.3);
    }
}
