package org.lifeos.health.medication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.lifeos.platform.error.ProblemException;

/**
 * A medication's dose times: an RFC 5545 RRULE (ical4j) applied from the first dose's wall-clock
 * time, in the wall-clock time of the medication's zone (so a daily 08:00 dose stays at 08:00
 * across daylight-saving changes), ending after {@code endsOn} when given.
 */
final class DoseSchedule {

    /** The most occurrences one question looks at (a period of a year of hourly doses fits). */
    static final int MAX_OCCURRENCES = 10_000;
    private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.HOURLY, Frequency.DAILY, Frequency.WEEKLY,
            Frequency.MONTHLY);

    private final Recur<LocalDateTime> rule;
    private final LocalDateTime start;
    private final LocalDate endsOn;

    private DoseSchedule(Recur<LocalDateTime> rule, LocalDateTime start, LocalDate endsOn) {
        this.rule = rule;
        this.start = start;
        this.endsOn = endsOn;
    }

    static DoseSchedule of(Medication m) {
        return new DoseSchedule(parse(m.scheduleRule), m.startAt, m.endsOn);
    }

    /** The rule, or a 400 naming scheduleRule that says what is wrong. */
    static Recur<LocalDateTime> parse(String text) {
        String rule = text == null ? "" : text.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        if (rule.isEmpty()) {
            throw ProblemException.badField("scheduleRule", "must be an RRULE such as FREQ=DAILY;BYHOUR=8,20");
        }
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(rule);
        } catch (RuntimeException e) {
            throw ProblemException.badField("scheduleRule", "is not an RFC 5545 RRULE");
        }
        if (recur.getFrequency() == null || !FREQUENCIES.contains(recur.getFrequency())) {
            throw ProblemException.badField("scheduleRule", "FREQ must be HOURLY, DAILY, WEEKLY or MONTHLY");
        }
        if (recur.getInterval() == 0 || recur.getInterval() < -1 || recur.getCount() == 0) {
            throw ProblemException.badField("scheduleRule", "INTERVAL and COUNT must be at least 1");
        }
        return recur;
    }

    /** The dose times in [from, until), oldest first. */
    List<LocalDateTime> between(LocalDateTime from, LocalDateTime until) {
        LocalDateTime end = endsOn == null ? until : min(until, endsOn.plusDays(1).atStartOfDay());
        if (!end.isAfter(from)) {
            return List.of();
        }
        return rule.getDates(start, from, end, MAX_OCCURRENCES).stream()
                .filter(t -> !t.isBefore(from) && t.isBefore(end) && !t.isBefore(start))
                .sorted().toList();
    }

    /** Whether {@code time} is one of the dose times. */
    boolean isDoseTime(LocalDateTime time) {
        return between(time, time.plusSeconds(1)).contains(time);
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
