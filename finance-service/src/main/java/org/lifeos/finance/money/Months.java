package org.lifeos.finance.money;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.lifeos.platform.error.ProblemException;

/** Months on the wire ({@code yyyy-MM}): a missing or malformed one is a 400 naming the field. */
public final class Months {

    private Months() {
    }

    public static YearMonth parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badField(field, "is required (yyyy-MM)");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be a month like 2026-03");
        }
        if (month.getYear() < 1970 || month.getYear() > 2999) {
            throw ProblemException.badField(field, "must be between 1970-01 and 2999-12");
        }
        return month;
    }
}
