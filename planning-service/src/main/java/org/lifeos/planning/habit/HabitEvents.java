package org.lifeos.planning.habit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payloads of the {@code planning.habit} topic. They live here until a second service consumes
 * them; then they move to {@code contracts} as TaskChanged did.
 */
public final class HabitEvents {

    public static final String TOPIC = "planning.habit";

    private HabitEvents() {
    }

    /** {@code habit.created}, {@code habit.updated}. */
    public record HabitChanged(UUID habitId, UUID domainId, String frequency, boolean active, int streakCurrent,
                               int streakBest, long version) {
    }

    /** {@code habit.checked_in}: a check-in was recorded or corrected for {@code date}. */
    public record HabitCheckedIn(UUID habitId, UUID checkInId, UUID userId, LocalDate date, String status,
                                 int streakCurrent, int streakBest) {
    }

    /**
     * {@code habit.streak_broken}: a change left the current streak shorter than it was (a check-in
     * after a missed day starts over, a removed or corrected check-in cut the chain).
     */
    public record HabitStreakBroken(UUID habitId, LocalDate date, int previousStreak, int streakCurrent,
                                    int streakBest) {
    }
}
