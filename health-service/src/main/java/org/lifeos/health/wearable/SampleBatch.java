package org.lifeos.health.wearable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.health.wearable.WearableDtos.Rejected;
import org.lifeos.platform.error.ProblemException;

/**
 * One ingest request's samples, read from a JSON array or NDJSON (one JSON object per line) and
 * checked one by one: a bad sample is rejected with its line (NDJSON) or position (array), 1-based,
 * and the rest still count. Valid samples repeated in the batch (same device, metric and instant)
 * count once; the repeats are duplicates.
 */
final class SampleBatch {

    /** The most samples one request may carry. */
    static final int MAX_SAMPLES = 100_000;
    /** How far ahead of the server's clock a sample may be recorded (device clocks drift). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::wire)
            .collect(Collectors.joining(", "));

    record Sample(UUID deviceId, Metric metric, BigDecimal value, Instant recordedAt, Instant endAt) {

        List<Object> key() {
            return List.of(deviceId, metric, recordedAt);
        }
    }

    final List<Sample> valid = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();
    int repeats;

    private SampleBatch() {
    }

    /** Reads {@code body}: NDJSON when {@code ndjson}, else a JSON array; checks each sample. */
    static SampleBatch read(String body, boolean ndjson, Set<UUID> devices, Instant now, Duration maxAge,
                            ObjectMapper json) {
        SampleBatch batch = new SampleBatch();
        Map<List<Object>, Sample> unique = new LinkedHashMap<>();
        if (ndjson) {
            String[] lines = body.split("\r?\n", -1);
            long count = Arrays.stream(lines).filter(l -> !l.isBlank()).count();
            tooMany(count);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    batch.check(i + 1, json.readTree(lines[i]), devices, now, maxAge, unique);
                } catch (JsonProcessingException e) {
                    batch.rejected.add(new Rejected(i + 1, "not a JSON object"));
                }
            }
        } else {
            JsonNode array;
            try {
                array = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw ProblemException.badField("samples", "the body is not JSON (send application/x-ndjson for one "
                        + "sample per line)");
            }
            return ofArray(array, devices, now, maxAge);
        }
        batch.valid.addAll(unique.values());
        return batch;
    }

    /** The samples of a JSON array (the REST body or a {@code health.samples.ingest} batch), checked one by one. */
    static SampleBatch ofArray(JsonNode array, Set<UUID> devices, Instant now, Duration maxAge) {
        if (array == null || !array.isArray()) {
            throw ProblemException.badField("samples", "the body is a JSON array of samples");
        }
        tooMany(array.size());
        SampleBatch batch = new SampleBatch();
        Map<List<Object>, Sample> unique = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            batch.check(i + 1, array.get(i), devices, now, maxAge, unique);
        }
        batch.valid.addAll(unique.values());
        return batch;
    }

    private static void tooMany(long count) {
        if (count > MAX_SAMPLES) {
            throw ProblemException.badField("samples", "at most " + MAX_SAMPLES + " samples per request, not " + count);
        }
    }

    private void check(int line, JsonNode sample, Set<UUID> devices, Instant now, Duration maxAge,
                       Map<List<Object>, Sample> unique) {
        String reason = null;
        Sample parsed = null;
        try {
            parsed = parse(sample, devices, now, maxAge);
        } catch (IllegalArgumentException e) {
            reason = e.getMessage();
        }
        if (reason != null) {
            rejected.add(new Rejected(line, reason));
        } else if (unique.putIfAbsent(parsed.key(), parsed) != null) {
            repeats++;
        }
    }

    private static Sample parse(JsonNode s, Set<UUID> devices, Instant now, Duration maxAge) {
        if (s == null || !s.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        UUID device;
        try {
            device = UUID.fromString(text(s, "deviceId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deviceId: must be a UUID");
        }
        if (!devices.contains(device)) {
            throw new IllegalArgumentException("deviceId: not one of your devices");
        }
        Metric metric = Metric.of(text(s, "metric"))
                .orElseThrow(() -> new IllegalArgumentException("metric: must be one of " + METRICS));
        if (!metric.unit.equals(text(s, "unit"))) {
            throw new IllegalArgumentException("unit: " + metric.wire() + " is given in " + metric.unit);
        }
        JsonNode value = s.get("value");
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("value: must be a number");
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0 || number.precision() - number.scale() > 10 || number.scale() > 4) {
            throw new IllegalArgumentException("value: must be at least 0, with at most 10 digits before the point "
                    + "and 4 after");
        }
        Instant recordedAt = instant(s, "recordedAt");
        if (recordedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new IllegalArgumentException("recordedAt: in the future");
        }
        if (recordedAt.isBefore(now.minus(maxAge))) {
            throw new IllegalArgumentException("recordedAt: older than " + maxAge.toDays() + " days (the retention)");
        }
        Instant endAt = s.hasNonNull("endAt") ? instant(s, "endAt") : null;
        if (endAt != null && endAt.isBefore(recordedAt)) {
            throw new IllegalArgumentException("endAt: before recordedAt");
        }
        return new Sample(device, metric, number, recordedAt, endAt);
    }

    private static String text(JsonNode s, String field) {
        JsonNode node = s.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode s, String field) {
        try {
            return Instant.parse(text(s, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be an instant like 2026-03-02T07:15:00Z");
        }
    }
}
