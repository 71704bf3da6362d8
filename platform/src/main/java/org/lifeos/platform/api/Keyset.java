package org.lifeos.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.lifeos.platform.error.ProblemException;

/**
 * Keyset paging, the one way every list pages. A list asks for {@link #fetch()} rows (one more than
 * the page holds) after the position {@link #after} decodes; {@link #page} keeps {@link #limit()} of
 * them and links the next page only when that extra row shows there is one, so the last page never
 * links to an empty one.
 *
 * <pre>{@code
 * Keyset keyset = Keyset.of(cursor, limit, 2);                 // a cursor of (updatedAt, id)
 * if (keyset.after()) { params.put("at", keyset.instant(0)); params.put("id", keyset.uuid(1)); }
 * List<Note> rows = notes.find(query, params).page(0, keyset.fetch()).list();
 * return keyset.page(rows, n -> List.of(n.updatedAt, n.id), NoteView::of, uri);
 * }</pre>
 *
 * <p>A cursor is opaque to clients ({@link Cursors}); one that is malformed, tampered with or made
 * by another list is a 400 naming {@code cursor}, never a wrong page.
 */
public final class Keyset {

    /** The page size when the client names none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 200;

    private final int limit;
    private final List<String> after;

    private Keyset(int limit, List<String> after) {
        this.limit = limit;
        this.after = after;
    }

    /**
     * @param cursor the {@code cursor} query parameter, absent on the first page
     * @param limit  the {@code limit} query parameter: default 50, 1 to 200
     * @param keys   how many sort values the list's cursor carries
     */
    public static Keyset of(String cursor, Integer limit, int keys) {
        int size = Cursors.limit(limit);
        if (cursor == null || cursor.isBlank()) {
            return new Keyset(size, null);
        }
        return new Keyset(size, Cursors.decode(cursor.trim(), keys));
    }

    /** The page size. */
    public int limit() {
        return limit;
    }

    /** How many rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    /** Whether the page starts after a cursor (false on the first page). */
    public boolean after() {
        return after != null;
    }

    public Instant instant(int index) {
        return parse(index, Instant::parse);
    }

    public UUID uuid(int index) {
        return parse(index, value -> {
            UUID id = UUID.fromString(value);
            if (!id.toString().equals(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        });
    }

    /** The UUID at {@code index}, or {@code first} (sorting before every key) on the first page. */
    public UUID uuidOr(int index, UUID first) {
        return after() ? uuid(index) : first;
    }

    public LocalDate date(int index) {
        return parse(index, LocalDate::parse);
    }

    public int integer(int index) {
        return parse(index, Integer::parseInt);
    }

    public long number(int index) {
        return parse(index, Long::parseLong);
    }

    public String string(int index) {
        return parse(index, Function.identity());
    }

    /**
     * The page of {@code fetched} (up to {@link #fetch()} rows in list order), each shown as
     * {@code view} gives it, linked to the next page when there is one. {@code key} gives a row's
     * sort values, in the order the list's query reads them back.
     */
    public <R, T> Page<T> page(List<R> fetched, Function<R, List<?>> key, Function<R, T> view, UriInfo uri) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched.stream().map(view).toList(), null);
        }
        List<R> rows = fetched.subList(0, limit);
        String next = Page.next(uri, cursor(key.apply(rows.get(limit - 1))));
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    /** The cursor that starts a page after a row with these sort values. */
    public static String cursor(List<?> values) {
        return Cursors.encode(values.stream().map(String::valueOf).toList());
    }

    private <V> V parse(int index, Function<String, V> parser) {
        if (after == null) {
            throw new IllegalStateException("the first page has no cursor; check after() first");
        }
        try {
            return parser.apply(after.get(index));
        } catch (RuntimeException e) {
            throw ProblemException.badField("cursor", "is not a cursor this list produced");
        }
    }
}
