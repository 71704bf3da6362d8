package org.lifeos.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.lifeos.platform.error.ProblemException;

/**
 * Opaque keyset cursors: the sort values of the last row of a page, base64url-encoded. Clients
 * treat them as opaque; a tampered or foreign cursor is a 400, never a wrong page.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";
    private static final String VERSION = "c1";

    private Cursors() {
    }

    public static String encode(List<String> values) {
        String joined = VERSION + SEPARATOR + String.join(SEPARATOR, values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The values of {@code cursor}, which must have exactly {@code size} of them. */
    public static List<String> decode(String cursor, int size) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(joined.split(SEPARATOR, -1));
            if (parts.size() != size + 1 || !parts.get(0).equals(VERSION)) {
                throw ProblemException.badField("cursor", "is not a cursor this list produced");
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this list produced");
        }
    }

    /** A page size from a {@code limit} query parameter: default 50, at most 200. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 200) {
            throw ProblemException.badField("limit", "must be between 1 and 200");
        }
        return requested;
    }
}
