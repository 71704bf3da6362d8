package org.lifeos.content.common;

import java.time.LocalDate;
import java.util.Optional;

import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;

/** An inclusive range of dates from {@code from}/{@code to} query parameters; either end may be open. */
public record DateRange(Optional<LocalDate> from, Optional<LocalDate> to) {

    /** Where open ends reach in SQL. */
    public static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    /** Parses both ends (a malformed one is a 400 naming it); {@code to} before {@code from} is a 400 naming {@code to}. */
    public static DateRange of(String from, String to) {
        DateRange range = new DateRange(Params.date("from", from), Params.date("to", to));
        if (range.from.isPresent() && range.to.isPresent() && range.to.get().isBefore(range.from.get())) {
            throw ProblemException.badField("to", "must not be before from");
        }
        return range;
    }

    public LocalDate start() {
        return from.orElse(FIRST);
    }

    public LocalDate end() {
        return to.orElse(LAST);
    }
}
