package org.lifeos.planning.kpi;

import java.math.BigDecimal;
import java.util.UUID;

/** What {@code planning.kpi} carries; the record stays here until a second service consumes it. */
public final class KpiEvents {

    public static final String TOPIC = "planning.kpi";

    private KpiEvents() {
    }

    /** {@code kpi.entry_recorded}: a week's value was recorded or corrected. */
    public record EntryRecorded(UUID kpiId, UUID entryId, String week, BigDecimal value, BigDecimal target,
                                BigDecimal completionRate, boolean completed, String level) {
    }
}
