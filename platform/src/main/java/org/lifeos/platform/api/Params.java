package org.lifeos.platform.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lifeos.platform.error.ProblemException;

/**
 * Parses path and query parameters with errors that name the parameter (a 400, never a 404 or
 * a 500 for a malformed id or date).
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        return optionalUuid(name, value).orElseThrow(() -> ProblemException.badField(name, "is required"));
    }

    public static Optional<UUID> optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            UUID parsed = UUID.fromString(value.trim());
            if (!parsed.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("not canonical");
            }
            return Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "must be a UUID");
        }
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be a date like 2026-03-31");
        }
    }

    public static Optional<Boolean> bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.badField(name, "must be true or false");
        };
    }

    /** An enum value in its lower-case form. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "must be one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
