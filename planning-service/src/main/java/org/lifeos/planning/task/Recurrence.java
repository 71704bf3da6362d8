package org.lifeos.planning.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.lifeos.platform.error.ProblemException;

/**
 * The next occurrence of a recurring task, by RFC 5545 RRULE (ical4j). Occurrences are computed
 * in the task's local wall time (floating date-times) and only then placed in its time zone, so a
 * daily 09:00 task stays at 09:00 across daylight-saving changes (an occurrence that falls into a
 * spring-forward gap moves forward by the gap, as {@code ZonedDateTime} resolves it).
 *
 * <p>Two modes:
 * <ul>
 *   <li>on schedule: the next start the rule generates from the series' first start (DTSTART)
 *   after the current occurrence's start; COUNT and UNTIL bound the series as RFC 5545 says;</li>
 *   <li>repeat from completion: the rule is applied from the day the occurrence was completed (at
 *   the occurrence's time of day); COUNT then counts occurrences of the series.</li>
 * </ul>
 * Either way an EXDATE date is skipped, and no further occurrence ends the series.
 */
public final class Recurrence {

    /** Far enough to pass any run of EXDATEs a client may send, near enough to always end. */
    private static final int MAX_SKIPS = 1000;
    private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.HOURLY, Frequency.DAILY, Frequency.WEEKLY,
            Frequency.MONTHLY, Frequency.YEARLY);

    private Recurrence() {
    }

    /** The rule, or a 400 naming {@code field} that says what is wrong with it. */
    public static Recur<LocalDateTime> parse(String field, String rule) {
        if (rule == null || rule.isBlank()) {
            throw ProblemException.badField(field, "must be an RRULE such as FREQ=WEEKLY;BYDAY=MO,WE");
        }
        String text = normalize(rule);
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(text);
        } catch (RuntimeException e) {
            throw ProblemException.badField(field, "is not an RFC 5545 RRULE: " + reason(e));
        }
        if (recur.getFrequency() == null || !FREQUENCIES.contains(recur.getFrequency())) {
            throw ProblemException.badField(field, "FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        if (recur.getInterval() == 0 || recur.getInterval() < -1) {
            throw ProblemException.badField(field, "INTERVAL must be at least 1");
        }
        if (recur.getCount() == 0) {
            throw ProblemException.badField(field, "COUNT must be at least 1");
        }
        return recur;
    }

    /**
     * On schedule: the first start of the series after {@code current} whose date is not in
     * {@code exdates}; empty when the rule has none left.
     */
    public static Optional<LocalDateTime> next(String rule, LocalDateTime seriesStart, LocalDateTime current,
                                               Set<LocalDate> exdates) {
        Recur<LocalDateTime> recur = parse("recurrenceRule", rule);
        LocalDateTime candidate = recur.getNextDate(seriesStart, current);
        for (int skips = 0; candidate != null && exdates.contains(candidate.toLocalDate()); skips++) {
            if (skips > MAX_SKIPS) {
                return Optional.empty();
            }
            candidate = recur.getNextDate(seriesStart, candidate);
        }
        return Optional.ofNullable(candidate);
    }

    /**
     * Repeat from completion: the rule applied from {@code completedOn} at the occurrence's time of
     * day; {@code occurrence} is the 1-based number of the occurrence just completed.
     */
    public static Optional<LocalDateTime> nextFromCompletion(String rule, LocalDate completedOn,
                                                             LocalDateTime current, int occurrence,
                                                             Set<LocalDate> exdates) {
        Recur<LocalDateTime> recur = parse("recurrenceRule", rule);
        if (recur.getCount() > 0 && occurrence >= recur.getCount()) {
            return Optional.empty();
        }
        // COUNT is the series' budget, counted above; from the completion the rule runs unbounded by it.
        LocalDateTime base = completedOn.atTime(current.toLocalTime());
        if (base.isBefore(current)) {
            // Completed early: the next comes after the planned start, not before it.
            base = current;
        }
        return next(withoutCount(rule), base, base, exdates);
    }

    /**
     * An occurrence's start (its DTSTART): the scheduled date and time, else the due date and
     * time; a missing time is the start of the day. Null without either date.
     */
    public static LocalDateTime startOf(LocalDate scheduledDate, LocalTime scheduledTime, LocalDate dueDate,
                                        LocalTime dueTime) {
        if (scheduledDate != null) {
            return scheduledDate.atTime(scheduledTime == null ? LocalTime.MIDNIGHT : scheduledTime);
        }
        return dueDate == null ? null : dueDate.atTime(dueTime == null ? LocalTime.MIDNIGHT : dueTime);
    }

    /** The rule as stored: without an {@code RRULE:} prefix or surrounding blanks. */
    public static String normalize(String rule) {
        String text = rule.strip();
        return text.toUpperCase(Locale.ROOT).startsWith("RRULE:") ? text.substring(6).strip() : text;
    }

    /** The rule without its COUNT part. */
    static String withoutCount(String rule) {
        return rule.replaceAll("(?i)(^|;)COUNT=\\d+", "").replaceAll("^;", "");
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        // ical4j names its enum classes in some messages; say what the client sent instead.
        return message.replaceAll("[a-z]+(\\.[a-z0-9]+)+\\.([A-Z][A-Za-z]*)\\.", "").strip();
    }
}
