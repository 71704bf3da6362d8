package org.lifeos.health.wearable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.health.SamplesIngest;
import org.lifeos.contracts.health.SamplesIngested;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;
import org.lifeos.devstack.testing.TestTopics;

/**
 * {@code health.samples.ingest}: a partner's batch is stored as the API stores it (same checks,
 * same dedupe), once however often it is delivered, only for the member's own device; and each
 * batch announces its new samples per device and day on {@code health.samples}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SamplesKafkaTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);

    private static String envelope(UUID eventId, Api member, UUID device, List<Map<String, Object>> samples)
            throws Exception {
        return JSON.writeValueAsString(new EventEnvelope<>(eventId, SamplesIngest.BATCH, Instant.now(), member.circle(),
                member.user(), new SamplesIngest(device, "Europe/Berlin", samples)));
    }

    private static Map<String, Object> steps(int value, Instant at) {
        return Map.of("metric", "steps", "value", value, "unit", "{steps}", "recordedAt", at.toString());
    }

    private static long stored(UUID device) throws Exception {
        return Db.count("SELECT count(*) FROM wearable_samples WHERE device_id = ?", device);
    }

    private static void waitFor(long expected, UUID device) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (stored(device) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void aBatchIsStoredOnceAndRedeliveryAddsNothing() throws Exception {
        Api alice = Api.newUser("alice");
        UUID ring = alice.create("/api/v1/wearables/devices", Map.of("name", "Ring", "kind", "partner"));
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(steps(10 + i, BASE.plus(i, ChronoUnit.MINUTES)));
        }
        samples.add(Map.of("metric", "steps", "value", 5, "unit", "kcal", "recordedAt", BASE.toString())); // bad unit
        UUID first = UUID.randomUUID();
        TestTopics.send(SamplesIngest.TOPIC, alice.circle(), envelope(first, alice, ring, samples));
        waitFor(50, ring);
        assertEquals(50, stored(ring));

        // the same event again (redelivery), and the same samples in a new event (a partner's retry)
        TestTopics.send(SamplesIngest.TOPIC, alice.circle(), envelope(first, alice, ring, samples));
        List<Map<String, Object>> more = new ArrayList<>(samples);
        more.add(steps(999, BASE.plus(2, ChronoUnit.HOURS)));
        TestTopics.send(SamplesIngest.TOPIC, alice.circle(), envelope(UUID.randomUUID(), alice, ring, more));
        waitFor(51, ring);
        Thread.sleep(1000); // the first redelivery came before the last event; nothing more may follow
        assertEquals(51, stored(ring), "the repeats add nothing, the one new sample counts");
        LocalDate day = LocalDate.ofInstant(BASE, ZoneId.of("Europe/Berlin"));
        assertEquals(1, Db.count("SELECT count(*) FROM wearable_daily_summaries WHERE owner_id = ? AND metric = 'steps' "
                + "AND day = ? AND sample_count = (SELECT count(*) FROM wearable_samples w WHERE w.owner_id = ? AND "
                + "(w.recorded_at AT TIME ZONE 'Europe/Berlin')::date = ?)", alice.user(), day, alice.user(), day),
                "the summary counts what is stored, in the batch's zone");
    }

    @Test
    void anotherMembersDeviceTakesNothing() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "mallory");
        UUID ring = circle[0].create("/api/v1/wearables/devices", Map.of("name", "Ring", "kind", "ring"));
        UUID own = circle[1].create("/api/v1/wearables/devices", Map.of("name", "Band", "kind", "band"));
        TestTopics.send(SamplesIngest.TOPIC, circle[1].circle(),
                envelope(UUID.randomUUID(), circle[1], ring, List.of(steps(1, BASE))));
        TestTopics.send(SamplesIngest.TOPIC, circle[1].circle(),
                envelope(UUID.randomUUID(), circle[1], own, List.of(steps(1, BASE))));
        waitFor(1, own); // handled in order on the circle's partition: the first is done by now
        assertEquals(1, stored(own));
        assertEquals(0, stored(ring), "mallory's event cannot write into alice's device");
    }

    @Test
    void eachBatchAnnouncesItsNewSamplesPerDeviceAndDay() throws Exception {
        Api alice = Api.newUser("alice");
        UUID ring = alice.create("/api/v1/wearables/devices", Map.of("name", "Ring", "kind", "ring"));
        Instant midnight = LocalDate.now(ZoneId.of("UTC")).minusDays(2).atStartOfDay(ZoneId.of("UTC")).toInstant();
        String body = "[" + String.join(",",
                sample(ring, 1, midnight.minusSeconds(60)), sample(ring, 2, midnight.plusSeconds(60)),
                sample(ring, 3, midnight.plusSeconds(120))) + "]";
        alice.request().body(body).post("/api/v1/wearables/samples").then().statusCode(200);
        alice.request().body(body).post("/api/v1/wearables/samples").then().statusCode(200); // all duplicates
        List<String> events = TestTopics.all(SamplesIngested.TOPIC, ring.toString(), 2, Duration.ofSeconds(5));
        assertEquals(2, events.size(), "one per day of the first batch, none for the second: " + events);
        for (String event : events) {
            JsonNode e = JSON.readTree(event);
            assertEquals(SamplesIngested.INGESTED, e.get("type").asText());
            assertEquals(alice.user().toString(), e.get("actorId").asText());
            JsonNode p = e.get("payload");
            String day = p.get("day").asText();
            assertEquals(day.equals(LocalDate.ofInstant(midnight, ZoneId.of("UTC")).toString()) ? 2 : 1,
                    p.get("accepted").asInt(), event);
            assertEquals("api", p.get("source").asText());
        }
        assertTrue(events.stream().noneMatch(e -> e.contains("\"accepted\":0")));
    }

    private static String sample(UUID device, int value, Instant at) {
        return "{\"deviceId\":\"%s\",\"metric\":\"steps\",\"value\":%d,\"unit\":\"{steps}\",\"recordedAt\":\"%s\"}"
                .formatted(device, value, at);
    }
}
