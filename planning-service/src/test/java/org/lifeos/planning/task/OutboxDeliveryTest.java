package org.lifeos.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.KafkaBroker;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.devstack.testing.TestTopics;

/**
 * A broker outage delays events and never loses one: with Kafka stopped, task writes still
 * succeed; once it is back every event arrives, none twice, in order within each circle.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesSucceedWhileTheBrokerIsDownAndEveryEventArrivesOnceInOrderAfterwards() throws Exception {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID aliceDomain = alice.createDomain("Home");
        UUID bobDomain = bob.createDomain("Work");

        KafkaBroker kafka = TestStack.kafka();
        kafka.close();
        try {
            for (int i = 0; i < 5; i++) {
                UUID task = alice.task(aliceDomain, "alice " + i);
                if (i == 2) {
                    alice.request().post("/api/v1/tasks/" + task + "/complete").then().statusCode(200);
                }
                bob.task(bobDomain, "bob " + i);
            }
            assertTrue(unpublished(alice.circle()) >= 6, "alice's events wait in the outbox");
        } finally {
            kafka.start();
        }

        Map<UUID, List<UUID>> expected = new HashMap<>();
        for (Api user : List.of(alice, bob)) {
            expected.put(user.circle(), outboxOrder(user.circle()));
        }
        Map<UUID, List<UUID>> received = consumeUntil(expected, Duration.ofSeconds(180));
        for (Api user : List.of(alice, bob)) {
            List<UUID> got = received.getOrDefault(user.circle(), List.of());
            assertEquals(new HashSet<>(got).size(), got.size(), "an event arrived twice: " + got);
            assertEquals(expected.get(user.circle()), got, "every event of the circle, in commit order");
        }
        assertEquals(0, unpublished(alice.circle()) + unpublished(bob.circle()), "the outbox is drained");
    }

    private static Map<UUID, List<UUID>> consumeUntil(Map<UUID, List<UUID>> expected, Duration timeout)
            throws Exception {
        Set<UUID> circles = expected.keySet();
        Map<UUID, List<UUID>> received = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = TestTopics.reader("outbox-test")) {
            consumer.subscribe(List.of("planning.task"));
            while (System.nanoTime() < deadline && !complete(expected, received)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    UUID circle = UUID.fromString(record.key());
                    if (circles.contains(circle)) {
                        JsonNode envelope = JSON.readTree(record.value());
                        assertEquals(circle.toString(), envelope.get("tenantId").asText(), "key is the tenant");
                        received.computeIfAbsent(circle, c -> new ArrayList<>())
                                .add(UUID.fromString(envelope.get("eventId").asText()));
                    }
                }
            }
            // A little longer, to catch a duplicate that would arrive late.
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                UUID circle = UUID.fromString(record.key());
                if (circles.contains(circle)) {
                    try {
                        received.get(circle).add(UUID.fromString(JSON.readTree(record.value()).get("eventId").asText()));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
        }
        return received;
    }

    private static boolean complete(Map<UUID, List<UUID>> expected, Map<UUID, List<UUID>> received) {
        return expected.entrySet().stream().allMatch(e ->
                received.getOrDefault(e.getKey(), List.of()).size() >= e.getValue().size());
    }

    private static List<UUID> outboxOrder(UUID circle) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement(
                     "SELECT id FROM outbox_events WHERE tenant_id = ? ORDER BY seq")) {
            query.setObject(1, circle);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static int unpublished(UUID circle) throws Exception {
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement(
                     "SELECT count(*) FROM outbox_events WHERE tenant_id = ? AND published_at IS NULL")) {
            query.setObject(1, circle);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
