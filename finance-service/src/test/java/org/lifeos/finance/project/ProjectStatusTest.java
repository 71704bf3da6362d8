package org.lifeos.finance.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/** The pipeline, every pair of states: one step forward, one back before launch, launched final. */
class ProjectStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "planning>design",
            "design>planning", "design>development",
            "development>design", "development>review",
            "review>development", "review>launched");

    @Test
    void onlyNeighbouringStatesAreReachableAndLaunchedIsFinal() {
        int allowed = 0;
        for (ProjectStatus from : ProjectStatus.values()) {
            for (ProjectStatus to : ProjectStatus.values()) {
                boolean expected = from == to || ALLOWED.contains(from + ">" + to);
                assertEquals(expected, from.allows(to), from + " -> " + to);
                allowed += from != to && from.allows(to) ? 1 : 0;
            }
        }
        assertEquals(ALLOWED.size(), allowed);
    }

    @Test
    void aRefusedMoveIsAConflictNamingBothStates() {
        ProblemException skip = assertThrows(ProblemException.class,
                () -> ProjectStatus.PLANNING.moveTo(ProjectStatus.REVIEW));
        assertEquals(ProblemType.CONFLICT, skip.type());
        assertTrue(skip.getMessage().contains("from planning to review"), skip.getMessage());

        ProblemException reopen = assertThrows(ProblemException.class,
                () -> ProjectStatus.LAUNCHED.moveTo(ProjectStatus.REVIEW));
        assertTrue(reopen.getMessage().contains("from launched to review"), reopen.getMessage());
        assertEquals(ProjectStatus.DEVELOPMENT, ProjectStatus.REVIEW.moveTo(ProjectStatus.DEVELOPMENT));
    }
}
