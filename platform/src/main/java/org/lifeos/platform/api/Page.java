package org.lifeos.platform.api;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a list. {@code next} is the link to the following page, absent on the last one;
 * it carries an opaque cursor, so pages stay stable while rows are added. The link is absolute, on
 * the API's public address ({@link PublicBaseUri} has already put it on the request).
 */
public record Page<T>(List<T> items, String next) {

    /**
     * The page of {@code rows}, fetched with at most {@code limit} rows, each shown as
     * {@code view} gives it. A full page links to the request again with the cursor
     * {@code cursorAfter} gives for its last row (that page may be empty); a shorter one is the last.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, String> cursorAfter, Function<R, T> view,
                                    UriInfo uri) {
        String next = rows.size() < limit ? null : next(uri, cursorAfter.apply(rows.get(rows.size() - 1)));
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    /** The link to this same request with {@code cursor}: the one way every list builds {@code next}. */
    public static String next(UriInfo uri, String cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
    }
}
