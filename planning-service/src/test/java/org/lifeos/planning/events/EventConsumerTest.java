package org.lifeos.planning.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.devstack.testing.TestTopics;

/**
 * The platform's consumers apply an event once however often it is delivered (the event id is
 * recorded with the effect), and send an event that keeps failing to the dead-letter topic with
 * its error, without applying any of it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class EventConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID circle = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String name = "Probe " + event;
        String envelope = envelope(event, circle, Map.of("name", name));
        send(circle, envelope);
        send(circle, envelope);
        assertTrue(eventually(() -> domainsNamed(circle, name) == 1), "the effect happened");
        Thread.sleep(2000); // the second delivery has had time to arrive
        assertEquals(1, domainsNamed(circle, name), "applied once");
        assertEquals(1, processed(event), "recorded once");
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterTopicAndChangesNothing() throws Exception {
        UUID circle = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        send(circle, envelope(event, circle, Map.of("fail", true)));
        ConsumerRecord<String, String> dead = deadLetter(event);
        String error = new String(dead.headers().lastHeader("lifeos-error").value(), StandardCharsets.UTF_8);
        assertTrue(error.contains("probe refused"), error);
        assertEquals("planning.probe-test",
                new String(dead.headers().lastHeader("lifeos-consumer").value(), StandardCharsets.UTF_8));
        assertEquals(3, ProbeHandler.CALLS.get(event).get(), "bounded retries before giving up");
        assertEquals(0, processed(event), "a failed event is not recorded as processed");
    }

    private static String envelope(UUID event, UUID circle, Map<String, Object> payload) throws Exception {
        return JSON.writeValueAsString(Map.of("eventId", event.toString(), "type", "probe.sent",
                "occurredAt", Instant.now().toString(), "tenantId", circle.toString(),
                "actorId", UUID.randomUUID().toString(), "payload", payload));
    }

    private static void send(UUID circle, String value) throws Exception {
        TestTopics.send(ProbeHandler.TOPIC, circle, value);
    }

    private static ConsumerRecord<String, String> deadLetter(UUID event) {
        return TestTopics.first(ProbeHandler.TOPIC + ".dlq", event.toString());
    }

    private static int domainsNamed(UUID circle, String name) {
        return count("SELECT count(*) FROM domains WHERE tenant_id = ? AND name = ?", circle, name);
    }

    private static int processed(UUID event) {
        return count("SELECT count(*) FROM processed_events WHERE consumer = 'planning.probe-test' AND event_id = ?",
                event, null);
    }

    private static int count(String sql, UUID id, String text) {
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement(sql)) {
            query.setObject(1, id);
            if (text != null) {
                query.setString(2, text);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
