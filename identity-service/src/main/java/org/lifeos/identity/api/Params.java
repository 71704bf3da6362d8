package org.lifeos.identity.api;

import java.util.Optional;
import java.util.UUID;

import org.lifeos.platform.error.ProblemException;

/** Parameters parsed by hand, so that a malformed one is a 400 naming it (JAX-RS would answer 404). */
public final class Params {

    private Params() {
    }

    /** A UUID in its canonical 36-character form (UUID.fromString alone also takes "1-2-3-4-5"). */
    public static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static UUID uuid(String value, String field) {
        return parseUuid(value).orElseThrow(() -> ProblemException.badField(field, "must be a UUID"));
    }
}
