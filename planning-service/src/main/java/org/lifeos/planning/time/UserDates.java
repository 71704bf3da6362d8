package org.lifeos.planning.time;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.error.ProblemException;

/**
 * The list query of records kept once per user and date (daily plans, daily metrics): the user's
 * own, optionally from and to a date, in date order, keyset-paged on the date.
 *
 * @param query  a Panache query over an entity with {@code userId} and {@code date}
 * @param params its named parameters
 */
public record UserDates(String query, Map<String, Object> params) {

    public static UserDates of(UUID user, Optional<LocalDate> from, Optional<LocalDate> to, String cursor) {
        StringBuilder query = new StringBuilder("userId = :user");
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        from.ifPresent(value -> {
            query.append(" and date >= :from");
            params.put("from", value);
        });
        to.ifPresent(value -> {
            query.append(" and date <= :to");
            params.put("to", value);
        });
        if (cursor != null) {
            try {
                params.put("after", LocalDate.parse(Cursors.decode(cursor, 1).get(0)));
            } catch (RuntimeException e) {
                throw ProblemException.badField("cursor", "is not a cursor this list produced");
            }
            query.append(" and date > :after");
        }
        query.append(" order by date");
        return new UserDates(query.toString(), Map.copyOf(params));
    }

    /** The cursor of the page after the one ending with {@code last}. */
    public static String cursorAfter(LocalDate last) {
        return Cursors.encode(List.of(last.toString()));
    }
}
