package org.lifeos.health.wearable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lifeos.health.wearable.WearableDtos.Rejected;

/**
 * An NDJSON body (read line by line with the streaming parser) gives exactly what the same lines
 * give read as JSON trees (the array path, and what NDJSON was read with before): the same valid
 * samples in the same order, the same rejections with their lines and reasons, the same repeats;
 * over generated lines with missing, mistyped, repeated and extra fields, numbers in every JSON
 * form, instants in and out of the usual form, blank lines, CRLF, and broken JSON.
 */
class SampleBatchPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID OWN = UUID.fromString("0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70");
    private static final UUID OTHER = UUID.fromString("0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f71");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofDays(400);

    @Property(tries = 300)
    void ndjsonReadsAsTheSameLinesReadAsTrees(@ForAll("bodies") List<String> lines, @ForAll boolean crlf) {
        String body = String.join(crlf ? "\r\n" : "\n", lines);
        List<SampleBatch.Sample> sunk = new ArrayList<>();
        SampleBatch streamed = SampleBatch.read(body, true, Set.of(OWN), NOW, MAX_AGE, JSON, sunk::add);
        SampleBatch trees = asTrees(lines);
        assertEquals(trees.valid, streamed.valid, body);
        assertEquals(streamed.valid, sunk, "the writer is handed each valid sample, in order");
        assertEquals(trees.rejected, streamed.rejected, body);
        assertEquals(trees.repeats, streamed.repeats, body);
    }

    @Example
    void numbersAreTheDecimalsATreeGives() {
        List<String> lines = List.of(line("62.50000", 1), line("1e2", 2), line("0.1", 3), line("12345678901", 4),
                line("62.5", 5), line("0.00001", 6));
        SampleBatch streamed = SampleBatch.read(String.join("\n", lines), true, Set.of(OWN), NOW, MAX_AGE, JSON);
        assertEquals(asTrees(lines).valid, streamed.valid);
        assertEquals(List.of(new java.math.BigDecimal("62.5"), new java.math.BigDecimal("100.0"),
                new java.math.BigDecimal("0.1"), new java.math.BigDecimal("62.5")),
                streamed.valid.stream().map(SampleBatch.Sample::value).toList(), "through a double, as a tree reads them");
        assertEquals(List.of(4, 6), streamed.rejected.stream().map(Rejected::line).toList(),
                "11 digits before the point; 1.0E-5 has 6 after");
    }

    private static String line(String value, int hour) {
        return "{\"deviceId\":\"" + OWN + "\",\"metric\":\"heart_rate\",\"value\":" + value
                + ",\"unit\":\"/min\",\"recordedAt\":\"2026-11-30T0" + hour + ":00:00Z\"}";
    }

    /** The lines as NDJSON was read until 2026-12-06: a tree per line, checked as the array path checks. */
    private static SampleBatch asTrees(List<String> lines) {
        ArrayNode array = JSON.createArrayNode();
        List<Integer> lineOf = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                node = JSON.getNodeFactory().textNode("not JSON"); // rejected as "not a JSON object" too
            }
            array.add(node);
            lineOf.add(i + 1);
        }
        SampleBatch batch = SampleBatch.ofArray(array, Set.of(OWN), NOW, MAX_AGE);
        List<Rejected> byLine = batch.rejected.stream().map(r -> new Rejected(lineOf.get(r.line() - 1), r.reason()))
                .toList();
        batch.rejected.clear();
        batch.rejected.addAll(byLine);
        return batch;
    }

    @Provide
    Arbitrary<List<String>> bodies() {
        Arbitrary<String> field = Arbitraries.oneOf(
                value("deviceId", "\"" + OWN + "\"", "\"" + OWN + "\"", "\"" + OTHER + "\"", "\"x\"", "5", "null"),
                value("metric", "\"heart_rate\"", "\"heart_rate\"", "\"steps\"", "\"blood_pressure\"", "7", "[1]"),
                value("unit", "\"/min\"", "\"/min\"", "\"{steps}\"", "\"kcal\"", "60", "null"),
                value("value", "62", "0", "62.5", "1e2", "62.50000", "-1", "\"62\"", "12345678901", "0.00001",
                        "1.5E-3", "9999999999.9999", "true"),
                value("recordedAt", "\"2026-11-30T07:15:00Z\"", "\"2026-11-30T07:15:00.123Z\"",
                        "\"2026-11-30T08:15:00+01:00\"", "\"2026-11-30T07:15:00Z\"", "\"2026-12-01T13:00:00Z\"",
                        "\"2024-01-01T00:00:00Z\"", "\"garbage\"", "\"2026-02-30T07:15:00Z\"", "1764486900", "null"),
                value("endAt", "null", "\"2026-11-30T07:20:00Z\"", "\"2026-11-30T07:10:00Z\"", "5", "\"x\""),
                value("note", "{\"a\":[1,{\"b\":null}]}", "\"text\"", "[]"));
        Arbitrary<String> object = field.list().ofMinSize(0).ofMaxSize(9).map(fields -> {
            List<String> shuffled = new ArrayList<>(fields);
            Collections.shuffle(shuffled, new java.util.Random(fields.hashCode()));
            return "{" + String.join(", ", shuffled) + "}";
        });
        Arbitrary<String> complete = Combinators.combine(Arbitraries.of("heart_rate", "steps"),
                Arbitraries.integers().between(0, 5), Arbitraries.of("", ", \"endAt\": null"))
                .as((metric, minute, end) -> "{\"deviceId\":\"" + OWN + "\",\"metric\":\"" + metric + "\",\"value\":"
                        + (40 + minute) + ",\"unit\":\"" + ("steps".equals(metric) ? "{steps}" : "/min")
                        + "\",\"recordedAt\":\"2026-11-30T07:1" + minute + ":00Z\"" + end + "}");
        Arbitrary<String> broken = Arbitraries.oneOf(object, complete).flatMap(o -> Arbitraries.oneOf(
                Arbitraries.integers().between(1, Math.max(1, o.length() - 1)).map(cut -> o.substring(0, cut)),
                Arbitraries.of(o + " trailing", o + " {", "[" + o + "]", "null", "42", "\"text\"", "{not json")));
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, complete), net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(2, broken),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "   ", "\t")));
        return line.list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> value(String name, String... values) {
        return Arbitraries.of(values).map(v -> "\"" + name + "\": " + v);
    }
}
