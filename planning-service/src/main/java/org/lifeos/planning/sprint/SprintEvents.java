package org.lifeos.planning.sprint;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What {@code planning.sprint} carries; the records stay in planning-service until a second
 * service consumes them (then they move to contracts).
 */
public final class SprintEvents {

    public static final String TOPIC = "planning.sprint";

    private SprintEvents() {
    }

    /** {@code sprint.started}, {@code sprint.completed}, {@code sprint.cancelled}. */
    public record SprintStatusChanged(UUID sprintId, String name, LocalDate startDate, LocalDate endDate,
                                      String status, long taskCount, long doneTaskCount) {
    }
}
