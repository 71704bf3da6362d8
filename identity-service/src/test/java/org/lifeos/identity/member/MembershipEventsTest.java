package org.lifeos.identity.member;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.identity.MembershipChanged;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/** Membership and policy changes are written to the outbox with the change and reach identity.membership. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MembershipEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void membershipAndPolicyChangesLandInTheOutboxAndReachTheTopicKeyedByCircle() throws Exception {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Events");
        Api.addMember(alice, circle, bob, "editor");
        alice.api().body(Map.of("role", "visitor")).patch("/api/v1/circles/{id}/members/{user}", circle, bob.id())
                .then().statusCode(200);
        alice.api().body(Map.of("overrides", List.of(Map.of("role", "visitor", "resource", "notes",
                        "action", "write", "allowed", true))))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(200);
        alice.api().delete("/api/v1/circles/{id}/members/{user}", circle, bob.id()).then().statusCode(204);

        List<String> expected = List.of(
                "member_added " + alice.id() + " owner",
                "member_added " + bob.id() + " editor",
                "role_changed " + bob.id() + " visitor",
                "policy_changed null null",
                "member_removed " + bob.id() + " null");

        // In the outbox, in the transaction of each change, stamped with the circle and the actor.
        List<Object> outbox = Db.column("""
                SELECT (envelope->'payload'->>'change') || ' ' || coalesce(envelope->'payload'->>'userId', 'null')
                       || ' ' || coalesce(envelope->'payload'->>'role', 'null')
                FROM outbox_events WHERE tenant_id = ? AND topic = 'identity.membership' ORDER BY seq""", circle);
        assertEquals(expected, outbox);
        assertEquals(List.of(alice.id()), Db.column(
                "SELECT DISTINCT actor_id FROM outbox_events WHERE tenant_id = ?", circle));

        // On the topic, keyed by the circle, in the same order.
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(MembershipChanged.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (received.size() < expected.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = JSON.readTree(record.value());
                    if (!circle.toString().equals(envelope.path("tenantId").asText())) {
                        continue;
                    }
                    assertEquals(circle.toString(), record.key(), "events are keyed by circle");
                    JsonNode payload = envelope.path("payload");
                    assertEquals(circle.toString(), payload.path("circleId").asText());
                    assertTrue(envelope.path("eventId").isTextual());
                    assertEquals("membership." + payload.path("change").asText(), envelope.path("type").asText());
                    received.add(payload.path("change").asText() + " " + text(payload, "userId") + " "
                            + text(payload, "role"));
                }
            }
        }
        assertEquals(expected, received);
        // The relay marks rows sent once the broker acknowledged them, a moment after consumers may see them.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0, Db.count(
                "SELECT count(*) FROM outbox_events WHERE tenant_id = ? AND published_at IS NULL", circle)));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() ? "null" : value.asText();
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }
}
