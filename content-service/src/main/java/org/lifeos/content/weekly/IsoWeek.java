package org.lifeos.content.weekly;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lifeos.platform.error.ProblemException;

/** An ISO 8601 week like {@code 2026-W49}: Monday to Sunday, week 1 holding the year's first Thursday. */
public record IsoWeek(String key, LocalDate monday) {

    private static final Pattern KEY = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** {@code value} as a week, or a 400 naming {@code field} (a malformed key, or week 53 of a 52-week year). */
    public static IsoWeek parse(String field, String value) {
        Matcher m = value == null ? null : KEY.matcher(value);
        if (m == null || !m.matches()) {
            throw ProblemException.badField(field, "must be an ISO week like 2026-W49");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate mid = LocalDate.of(year, 6, 15);
        if (!IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).isValidIntValue(week)) {
            throw ProblemException.badField(field, year + " has no ISO week " + week);
        }
        return new IsoWeek(value, mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }
}
