package org.lifeos.planning.sprint;

import java.time.LocalDate;

/** Dates of the on/off cycle of seed 004 (21 days on, 7 off), without the database. */
public final class SprintCycle {

    private SprintCycle() {
    }

    /** {start, end} of the sprint after one ending {@code previousEnd}: {@code offDays} off, then {@code onDays} on. */
    public static LocalDate[] next(LocalDate previousEnd, int onDays, int offDays) {
        LocalDate start = previousEnd.plusDays(offDays + 1L);
        return new LocalDate[] {start, start.plusDays(onDays - 1L)};
    }
}
