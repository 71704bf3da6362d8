package org.lifeos.identity.api;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;

/**
 * Keyset paging over lists ordered by one UUID: the cursor carries the last key of a page. A
 * service fetches one row more than the page holds; that row only tells that a next page exists,
 * so the last page has no {@code next} link.
 */
public final class Pages {

    private Pages() {
    }

    /** The key after which a page starts; before every UUID when there is no cursor. */
    public static UUID after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new UUID(0, 0);
        }
        return Params.uuid("cursor", Cursors.decode(cursor, 1).get(0));
    }

    /** A page of at most {@code limit} of {@code fetched} (up to limit + 1 items), linked to the next. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, UUID> key, UriInfo uri) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        String cursor = Cursors.encode(List.of(key.apply(items.get(limit - 1)).toString()));
        return new Page<>(List.copyOf(items), Page.next(uri, cursor));
    }
}
