package org.lifeos.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.junit.jupiter.api.Test;

class InstantJsonTest {

    private final char[] text = new char[30];

    @Test
    void writesWhatTheIsoFormatterWritesAtTheEdges() {
        for (String edge : List.of("0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "2000-02-29T12:00:00.500Z", "2026-12-07T02:54:03.027811Z", "2026-12-07T02:54:03.000001Z",
                "2026-12-07T02:54:03.100000001Z", "2026-12-07T02:54:00Z", "9999-12-31T23:59:59.999999999Z",
                "0001-03-01T00:00:01.010Z")) {
            Instant instant = Instant.parse(edge);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), written(instant), edge);
        }
    }

    @Test
    void writesWhatTheIsoFormatterWritesForAnyInstantOfYears0000To9999() {
        Random random = new Random(20261207);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long afterLast = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = first + Math.floorMod(random.nextLong(), afterLast - first);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), written(instant), instant::toString);
        }
    }

    @Test
    void leavesYearsWithASignToTheFormatter() {
        assertEquals(-1, InstantJson.write(Instant.parse("+10000-01-01T00:00:00Z"), text));
        assertEquals(-1, InstantJson.write(Instant.parse("-0001-12-31T23:59:59Z"), text));
        ObjectMapper mapper = quarkusLike(true);
        assertEquals('"' + Instant.MAX.toString() + '"', json(mapper, Instant.MAX));
        assertEquals('"' + Instant.MIN.toString() + '"', json(mapper, Instant.MIN));
    }

    /** What a service's views look like: the bytes are the same with and without the faster serializers. */
    record View(UUID id, String title, Integer estimate, boolean quickWin, BigDecimal weight, LocalDate due,
                List<String> tags, Instant createdAt, Instant completedAt) {
    }

    @Test
    void theServicesMapperWritesTheSameBytesAsJacksonAlone() {
        ObjectMapper ours = quarkusLike(true);
        ObjectMapper plain = quarkusLike(false);
        View view = new View(UUID.randomUUID(), "Task \"1\"", null, true, new BigDecimal("1.00"), LocalDate.of(2026, 12, 7),
                List.of("a", "b"), Instant.parse("2026-12-07T02:54:03.027811Z"), null);

        String written = json(ours, List.of(view, view));
        assertEquals(json(plain, List.of(view, view)), written);
        for (String field : List.of("\"estimate\":null", "\"createdAt\":\"2026-12-07T02:54:03.027811Z\"", "\"completedAt\":null")) {
            assertTrue(written.contains(field), field);
        }
    }

    @Test
    void theServicesMapperWritesInstantsThroughInstantJson() throws Exception {
        assertInstanceOf(InstantJson.class,
                quarkusLike(true).getSerializerProviderInstance().findValueSerializer(Instant.class));
    }

    @Test
    void runsAfterQuarkusRegistersItsModules() {
        assertTrue(new JsonSettings().priority() < ObjectMapperCustomizer.QUARKUS_CUSTOMIZER_PRIORITY,
                "Quarkus applies customizers in descending priority; its java.time module must not replace ours");
    }

    /** A mapper as Quarkus builds it: the java.time module registered, then our settings. */
    private static ObjectMapper quarkusLike(boolean withSettings) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        if (withSettings) {
            new JsonSettings().customize(mapper);
        } else {
            mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        }
        return mapper;
    }

    private String written(Instant instant) {
        return new String(text, 0, InstantJson.write(instant, text));
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
