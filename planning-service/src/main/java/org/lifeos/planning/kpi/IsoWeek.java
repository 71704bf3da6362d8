package org.lifeos.planning.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;

import org.lifeos.platform.error.ProblemException;

/** ISO-8601 weeks as the API writes them ({@code 2026-W10}, seed 004's week_key) and stores them (the Monday). */
public final class IsoWeek {

    private static final Pattern FORMAT = Pattern.compile("^\\d{4}-W\\d{2}$");

    private IsoWeek() {
    }

    /** The Monday of {@code value}; a 400 naming {@code field} unless it is a real ISO week. */
    public static LocalDate parse(String field, String value) {
        if (value == null || !FORMAT.matcher(value.trim()).matches()) {
            throw ProblemException.badField(field, "must be an ISO week like 2026-W10");
        }
        String week = value.trim();
        try {
            LocalDate monday = LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            if (!format(monday).equals(week)) {
                throw ProblemException.badField(field, "has no such week in that year");
            }
            return monday;
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badField(field, "has no such week in that year");
        }
    }

    public static String format(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
