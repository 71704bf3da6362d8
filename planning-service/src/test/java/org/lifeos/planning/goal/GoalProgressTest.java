package org.lifeos.planning.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lifeos.planning.goal.GoalEnums.Status;

/** The progress rule of GoalProgress: completed is 100, otherwise the average of what the goal has. */
class GoalProgressTest {

    @Test
    void aGoalWithNothingToMeasureIsAtZero() {
        assertEquals(0, GoalProgress.percent(Status.ACTIVE, null, BigDecimal.ZERO, List.of(), 0, 0));
    }

    @Test
    void aCompletedGoalIsAtOneHundredWhateverItsParts() {
        assertEquals(100, GoalProgress.percent(Status.COMPLETED, BigDecimal.TEN, BigDecimal.ONE, List.of(0), 4, 0));
    }

    @Test
    void aNumericTargetIsTheShareReachedCappedAtOneHundred() {
        assertEquals(33, GoalProgress.percent(Status.ACTIVE, new BigDecimal("3"), BigDecimal.ONE, List.of(), 0, 0));
        assertEquals(100, GoalProgress.percent(Status.ACTIVE, BigDecimal.ONE, BigDecimal.TEN, List.of(), 0, 0));
    }

    @Test
    void childrenAreAveragedWithTheTargetAndTasksCountOnlyWithoutOne() {
        // target 50%, children (20 + 40) / 2 = 30%: (50 + 30) / 2 = 40; a done linked task has already
        // added to the current value, so the task ratio does not count a second time.
        assertEquals(40, GoalProgress.percent(Status.ACTIVE, BigDecimal.TEN, new BigDecimal("5"), List.of(20, 40),
                4, 1));
        assertEquals(75, GoalProgress.percent(Status.PAUSED, null, BigDecimal.ZERO, List.of(), 4, 3));
    }
}
