package org.lifeos.health.wearable;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.health.wearable.WearableDtos.Rejected;
import org.lifeos.platform.error.ProblemException;

/**
 * One ingest request's samples, read from a JSON array or NDJSON (one JSON object per line) and
 * checked one by one: a bad sample is rejected with its line (NDJSON) or position (array), 1-based,
 * and the rest still count. Valid samples repeated in the batch (same device, metric and instant)
 * count once; the repeats are duplicates.
 *
 * <p>NDJSON is read line by line with Jackson's streaming parser into the few fields a sample has,
 * without a tree per line, and its instants in the usual {@code 2026-03-02T07:15:00Z} form without
 * {@link Instant#parse} (see {@link Instants}): a 100,000-line request used to spend about half a
 * second on splitting by regular expression, a tree per line and {@code Instant.parse}.
 */
final class SampleBatch {

    /** The most samples one request may carry. */
    static final int MAX_SAMPLES = 100_000;
    /** How far ahead of the server's clock a sample may be recorded (device clocks drift). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::wire)
            .collect(Collectors.joining(", "));

    record Sample(UUID deviceId, Metric metric, BigDecimal value, Instant recordedAt, Instant endAt) {

        Key key() {
            return new Key(deviceId, metric, recordedAt);
        }
    }

    /** The dedupe key within a batch, as the table's (the owner is the same for the whole batch). */
    record Key(UUID deviceId, Metric metric, Instant recordedAt) {
    }

    final List<Sample> valid = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();
    int repeats;

    private final Set<Key> seen = new HashSet<>();
    private final Set<UUID> devices;
    private final Instant now;
    private final Duration maxAge;
    private final Consumer<Sample> sink;

    private SampleBatch(Set<UUID> devices, Instant now, Duration maxAge, Consumer<Sample> sink) {
        this.devices = devices;
        this.now = now;
        this.maxAge = maxAge;
        this.sink = sink;
    }

    /** Reads {@code body}: NDJSON when {@code ndjson}, else a JSON array; checks each sample. */
    static SampleBatch read(String body, boolean ndjson, Set<UUID> devices, Instant now, Duration maxAge,
                            ObjectMapper json) {
        return read(body, ndjson, devices, now, maxAge, json, sample -> {
        });
    }

    /**
     * As {@link #read(String, boolean, Set, Instant, Duration, ObjectMapper)}, handing each valid
     * sample (not a repeat) to {@code sink} as soon as it is checked. A body refused whole (more
     * than {@link #MAX_SAMPLES}, not JSON) is refused before the first.
     */
    static SampleBatch read(String body, boolean ndjson, Set<UUID> devices, Instant now, Duration maxAge,
                            ObjectMapper json, Consumer<Sample> sink) {
        if (!ndjson) {
            JsonNode array;
            try {
                array = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw ProblemException.badField("samples", "the body is not JSON (send application/x-ndjson for one "
                        + "sample per line)");
            }
            return ofArray(array, devices, now, maxAge, sink);
        }
        char[] chars = body.toCharArray();
        tooMany(samples(chars));
        SampleBatch batch = new SampleBatch(devices, now, maxAge, sink);
        JsonFactory factory = json.getFactory();
        boolean bigDecimals = json.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        int line = 0;
        for (int start = 0; start <= chars.length; line++) {
            int end = lineEnd(chars, start);
            int stop = end > start && chars[end - 1] == '\r' ? end - 1 : end;
            if (!blank(chars, start, stop)) {
                Fields fields;
                try (JsonParser parser = factory.createParser(chars, start, stop - start)) {
                    fields = Fields.read(parser, bigDecimals);
                } catch (IOException e) {
                    fields = null;
                }
                batch.check(line + 1, fields);
            }
            start = end + 1;
        }
        return batch;
    }

    /** The samples of a JSON array (the REST body or a {@code health.samples.ingest} batch), checked one by one. */
    static SampleBatch ofArray(JsonNode array, Set<UUID> devices, Instant now, Duration maxAge) {
        return ofArray(array, devices, now, maxAge, sample -> {
        });
    }

    private static SampleBatch ofArray(JsonNode array, Set<UUID> devices, Instant now, Duration maxAge,
                                       Consumer<Sample> sink) {
        if (array == null || !array.isArray()) {
            throw ProblemException.badField("samples", "the body is a JSON array of samples");
        }
        tooMany(array.size());
        SampleBatch batch = new SampleBatch(devices, now, maxAge, sink);
        for (int i = 0; i < array.size(); i++) {
            batch.check(i + 1, Fields.of(array.get(i)));
        }
        return batch;
    }

    private static void tooMany(long count) {
        if (count > MAX_SAMPLES) {
            throw ProblemException.badField("samples", "at most " + MAX_SAMPLES + " samples per request, not " + count);
        }
    }

    /** The NDJSON body's samples: its lines that are not blank (lines end at LF, CRLF too). */
    private static long samples(char[] chars) {
        long count = 0;
        for (int start = 0; start <= chars.length; ) {
            int end = lineEnd(chars, start);
            if (!blank(chars, start, end)) {
                count++;
            }
            start = end + 1;
        }
        return count;
    }

    private static int lineEnd(char[] chars, int from) {
        for (int i = from; i < chars.length; i++) {
            if (chars[i] == '\n') {
                return i;
            }
        }
        return chars.length;
    }

    /** As {@link String#isBlank()}: only white space (every white space character is in the BMP). */
    private static boolean blank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code fields} null: the line or element is not a JSON object. */
    private void check(int line, Fields fields) {
        Sample parsed;
        try {
            parsed = parse(fields);
        } catch (IllegalArgumentException e) {
            rejected.add(new Rejected(line, e.getMessage()));
            return;
        }
        if (seen.add(parsed.key())) {
            valid.add(parsed);
            sink.accept(parsed);
        } else {
            repeats++;
        }
    }

    private Sample parse(Fields s) {
        if (s == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        UUID device;
        try {
            device = UUID.fromString(required(s.deviceId, "deviceId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deviceId: must be a UUID");
        }
        if (!devices.contains(device)) {
            throw new IllegalArgumentException("deviceId: not one of your devices");
        }
        Metric metric = Metric.of(required(s.metric, "metric"))
                .orElseThrow(() -> new IllegalArgumentException("metric: must be one of " + METRICS));
        if (!metric.unit.equals(required(s.unit, "unit"))) {
            throw new IllegalArgumentException("unit: " + metric.wire() + " is given in " + metric.unit);
        }
        BigDecimal number = s.value;
        if (number == null) {
            throw new IllegalArgumentException("value: must be a number");
        }
        if (number.signum() < 0 || number.precision() - number.scale() > 10 || number.scale() > 4) {
            throw new IllegalArgumentException("value: must be at least 0, with at most 10 digits before the point "
                    + "and 4 after");
        }
        Instant recordedAt = instant(s.recordedAt, "recordedAt");
        if (recordedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new IllegalArgumentException("recordedAt: in the future");
        }
        if (recordedAt.isBefore(now.minus(maxAge))) {
            throw new IllegalArgumentException("recordedAt: older than " + maxAge.toDays() + " days (the retention)");
        }
        Instant endAt = s.endAtGiven ? instant(s.endAt, "endAt") : null;
        if (endAt != null && endAt.isBefore(recordedAt)) {
            throw new IllegalArgumentException("endAt: before recordedAt");
        }
        return new Sample(device, metric, number, recordedAt, endAt);
    }

    private static String required(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return text;
    }

    private static Instant instant(String text, String field) {
        String given = required(text, field);
        try {
            Instant usual = Instants.parseUsual(given);
            return usual != null ? usual : Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be an instant like 2026-03-02T07:15:00Z");
        }
    }

    /**
     * What a sample gives, read either from a JSON object node or from the parser: a text field
     * is null when missing or not a JSON string; {@code value} null when missing or not a number
     * (as the node's {@link JsonNode#decimalValue()}); {@code endAtGiven} when endAt is there and
     * not null. A repeated field counts with its last value, as in a tree.
     */
    private static final class Fields {
        String deviceId;
        String metric;
        String unit;
        BigDecimal value;
        String recordedAt;
        boolean endAtGiven;
        String endAt;

        static Fields of(JsonNode s) {
            if (s == null || !s.isObject()) {
                return null;
            }
            Fields f = new Fields();
            f.deviceId = text(s.get("deviceId"));
            f.metric = text(s.get("metric"));
            f.unit = text(s.get("unit"));
            JsonNode value = s.get("value");
            f.value = value != null && value.isNumber() ? value.decimalValue() : null;
            f.recordedAt = text(s.get("recordedAt"));
            f.endAtGiven = s.hasNonNull("endAt");
            f.endAt = text(s.get("endAt"));
            return f;
        }

        private static String text(JsonNode node) {
            return node != null && node.isTextual() ? node.asText() : null;
        }

        /**
         * The first JSON value of the parser's input, if an object (what follows it is not read,
         * as {@link ObjectMapper#readTree(String)} ignores it). Floating-point numbers become
         * decimals as a tree's would: through a double unless the mapper reads them as decimals.
         */
        static Fields read(JsonParser p, boolean bigDecimals) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields f = new Fields();
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                String text = token == JsonToken.VALUE_STRING ? p.getText() : null;
                switch (name) {
                    case "deviceId" -> f.deviceId = text;
                    case "metric" -> f.metric = text;
                    case "unit" -> f.unit = text;
                    case "recordedAt" -> f.recordedAt = text;
                    case "endAt" -> {
                        f.endAtGiven = token != JsonToken.VALUE_NULL;
                        f.endAt = text;
                    }
                    case "value" -> f.value = switch (token) {
                        case VALUE_NUMBER_INT -> p.getDecimalValue();
                        case VALUE_NUMBER_FLOAT -> bigDecimals ? p.getDecimalValue()
                                : BigDecimal.valueOf(p.getDoubleValue());
                        default -> null;
                    };
                    default -> {
                    }
                }
                p.skipChildren();
            }
            return f;
        }
    }
}
