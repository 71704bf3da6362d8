package org.lifeos.platform.api;

import java.util.Arrays;

import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/** Weak ETags from an entity's version, and the If-Match check on writes. */
public final class ETags {

    private ETags() {
    }

    public static String weak(long version) {
        return "W/\"" + version + "\"";
    }

    /** The weak ETag of {@code version}, for a response's {@code tag(...)}. */
    public static jakarta.ws.rs.core.EntityTag tag(long version) {
        return jakarta.ws.rs.core.EntityTag.valueOf(weak(version));
    }

    /**
     * {@code current} (just loaded for a write) when {@code ifMatch} allows writing over it, as
     * {@link #requireMatch} decides: the one way a service loads and checks before it changes.
     */
    public static <E> E matching(E current, String ifMatch, java.util.function.ToLongFunction<E> version) {
        requireMatch(ifMatch, version.applyAsLong(current));
        return current;
    }

    /**
     * Passes when {@code ifMatch} is absent, {@code *}, or names {@code version}; otherwise the
     * client wrote from a stale read: 412.
     */
    public static void requireMatch(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = "\"" + version + "\"";
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(current::equals);
        if (!matches) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " does not match the current version " + weak(version));
        }
    }
}
