package org.lifeos.planning.task;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/**
 * Every status change of a task is in its history (task_logs); tasks are assigned to members of
 * the circle only, as planning knows them from access checks and identity's membership events.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TaskHistoryAndAssignmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Api alice;
    private UUID domain;
    private UUID task;

    @BeforeEach
    void aliceWithATask() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Home");
        task = alice.task(domain, "Paint the fence");
    }

    @Test
    void everyStatusChangeIsRecordedInOrder() throws Exception {
        String path = "/api/v1/tasks/" + task;
        alice.request().body(Map.of("status", "in_progress")).patch(path).then().statusCode(200);
        alice.request().body(Map.of("title", "Paint the whole fence")).patch(path).then().statusCode(200);
        alice.request().post(path + "/complete").then().statusCode(200);
        alice.request().post(path + "/complete").then().statusCode(200);
        alice.request().body(Map.of("status", "todo")).patch(path).then().statusCode(200);

        alice.request().get(path + "/logs").then().statusCode(200)
                .body("oldStatus", equalTo(Arrays.asList(null, "todo", "in_progress", "done")))
                .body("newStatus", equalTo(List.of("todo", "in_progress", "done", "todo")))
                .body("changedBy", equalTo(List.of(alice.user().toString(), alice.user().toString(),
                        alice.user().toString(), alice.user().toString())));
        assertEquals(List.of("task.created", "task.updated", "task.updated", "task.completed", "task.updated"),
                OutboxRows.types(alice.circle(), "planning.task", "taskId", task),
                "task.completed is announced once, when the task became done");

        Api bob = Api.newUser("bob");
        bob.request().get(path + "/logs").then().statusCode(404);
    }

    @Test
    void aTaskIsAssignedOnlyToMembersOfItsCircle() {
        Api bob = Api.newUser("bob");
        FakeAccessService.setRole(bob.user(), alice.circle(), "editor");
        bob.in(alice.circle()).request().get("/api/v1/tasks").then().statusCode(200); // bob has acted here
        String assignees = "/api/v1/tasks/" + task + "/assignees/";

        alice.request().put(assignees + bob.user()).then().statusCode(201)
                .body("userId", equalTo(List.of(bob.user().toString())))
                .body("assignedBy", equalTo(List.of(alice.user().toString())));
        alice.request().put(assignees + bob.user()).then().statusCode(200);
        alice.request().put(assignees + alice.user()).then().statusCode(201);

        UUID stranger = UUID.randomUUID();
        alice.request().put(assignees + stranger).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("userId"));
        alice.request().put(assignees + "nobody").then().statusCode(400).body("errors.field", hasItem("userId"));
        // bob's personal circle is not alice's: he can't be assigned there by her id alone, nor see her task.
        bob.request().put(assignees + bob.user()).then().statusCode(404);
        alice.request().get("/api/v1/tasks/" + task + "/assignees").then().statusCode(200)
                .body("userId", equalTo(List.of(bob.user().toString(), alice.user().toString())));

        alice.request().delete(assignees + bob.user()).then().statusCode(204);
        alice.request().delete(assignees + bob.user()).then().statusCode(404);
        alice.request().get("/api/v1/tasks/" + task + "/assignees").then()
                .body("userId", equalTo(List.of(alice.user().toString())));
    }

    @Test
    void identitysMembershipEventsAddAndRemoveAssignableMembers() throws Exception {
        UUID carol = UUID.randomUUID();
        String assign = "/api/v1/tasks/" + task + "/assignees/" + carol;
        alice.request().put(assign).then().statusCode(400);

        membershipEvent(alice.circle(), carol, "editor", "member_added");
        assertTrue(eventually(() -> alice.request().put(assign).statusCode() == 201), "carol became assignable");
        alice.request().delete(assign).then().statusCode(204);

        membershipEvent(alice.circle(), carol, null, "member_removed");
        assertTrue(eventually(() -> alice.request().put(assign).statusCode() == 400), "carol no longer assignable");
    }

    private static void membershipEvent(UUID circle, UUID user, String role, String change) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestStack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic("identity.membership", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("circleId", circle.toString());
        payload.put("userId", user.toString());
        payload.put("role", role);
        payload.put("change", change);
        String envelope = JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
                "type", "membership." + change, "occurredAt", Instant.now().toString(),
                "tenantId", circle.toString(), "actorId", UUID.randomUUID().toString(), "payload", payload));
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("identity.membership", circle.toString(), envelope))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(300);
        }
        return true;
    }
}
