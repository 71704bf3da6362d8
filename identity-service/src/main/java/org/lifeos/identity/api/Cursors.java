package org.lifeos.identity.api;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.lifeos.platform.error.ProblemException;

/**
 * Cursor paging over lists ordered by a UUIDv7 key: the cursor is the last key of a page, opaque
 * to clients (base64url). A malformed cursor is a 400 naming {@code cursor}.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Cursors() {
    }

    public static Optional<UUID> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length != 16) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    public static String encode(UUID key) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched after the cursor: the extra row only
     * tells that another page exists.
     */
    public static <R, T> Page<T> page(List<R> rows, int limit, Function<R, UUID> key, Function<R, T> map) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(map).toList(), next);
    }
}
