package org.lifeos.identity.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.devstack.testing.TestTopics;
import org.lifeos.identity.support.TestUser;

/**
 * Webhooks end to end inside identity-service: planning-service's {@code planning.task} event is
 * published to the real Kafka here as planning would (the gateway system test does not cover
 * webhooks), consumed, written as a delivery and POSTed by the sender to a receiver this test
 * starts, signed as Standard Webhooks says (checked with an HMAC written here). Retries run on a
 * 1 s schedule in tests.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TASK_FIELDS = Set.of("circleId", "taskId", "domainId", "parentId", "status",
            "priority", "dueDate", "estimatedMinutes", "completedAt", "version");

    @Test
    void aTaskCreatedArrivesOnceSignedAndCarriesOnlyPlanningFields() throws Exception {
        TestUser una = TestUser.named("una");
        UUID circle = Api.signIn(una);
        try (Receiver receiver = new Receiver()) {
            Map<String, Object> made = subscribe(una, receiver.url(), List.of("task.created"), List.of("planning:read"));
            String secret = (String) made.get("secret");
            String id = (String) made.get("id");
            assertTrue(secret.startsWith("whsec_"), secret);
            una.api().get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue());

            UUID task = UUID.randomUUID();
            String event = taskEvent(UUID.randomUUID(), "task.created", circle, una.id(), task);
            TestTopics.send("planning.task", circle.toString(), event, event); // delivered twice by Kafka: sent once
            TestTopics.send("planning.task", circle.toString(), taskEvent(UUID.randomUUID(), "task.updated", circle, una.id(), task));
            awaitDelivery(una, id, "succeeded");
            assertEquals(1, receiver.received.size(), "once: " + receiver.received);

            Receiver.Received got = receiver.received.get(0);
            assertTrue(verify(secret, got), "the signature verifies with the secret: " + got.headers());
            assertTrue(got.headers().get("webhook-id").startsWith("msg_"));
            long timestamp = Long.parseLong(got.headers().get("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "a current timestamp");
            JsonNode body = JSON.readTree(got.body());
            assertEquals("task.created", body.get("type").asText());
            assertEquals(task.toString(), body.get("data").get("taskId").asText());
            assertEquals(circle.toString(), body.get("data").get("circleId").asText());
            body.get("data").fieldNames().forEachRemaining(field -> assertTrue(TASK_FIELDS.contains(field),
                    "a planning:read payload carries planning's fields only, not " + field));
            assertEquals(Set.of("type", "timestamp", "data"), Set.copyOf(iterate(body.fieldNames())));

            una.api().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("succeeded")).body("items[0].attempts", equalTo(1))
                    .body("items[0].responseCode", equalTo(204)).body("items[0].eventType", equalTo("task.created"));

            // Replay: the same message (id and body) again.
            String delivery = una.api().get("/api/v1/webhooks/" + id + "/deliveries").then().extract().path("items[0].id");
            una.api().post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay").then().statusCode(202);
            Await.until(() -> receiver.received.size() == 2, "the replay");
            assertEquals(got.headers().get("webhook-id"), receiver.received.get(1).headers().get("webhook-id"));
            assertEquals(got.body(), receiver.received.get(1).body());

            // Rotation: during the overlap both secrets sign, two signatures space-separated.
            String rotated = una.api().post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200)
                    .header("Cache-Control", "no-store").body("secret", startsWith("whsec_")).extract().path("secret");
            TestTopics.send("planning.task", circle.toString(),
                    taskEvent(UUID.randomUUID(), "task.created", circle, una.id(), UUID.randomUUID()));
            Await.until(() -> receiver.received.size() == 3, "the delivery after the rotation");
            Receiver.Received after = receiver.received.get(2);
            assertEquals(2, after.headers().get("webhook-signature").split(" ").length, after.headers().toString());
            assertTrue(verify(rotated, after) && verify(secret, after), "both secrets sign during the overlap");
        }
    }

    @Test
    void aReceiverThatAnswers500TwiceGetsTheThirdAttempt() throws Exception {
        TestUser vic = TestUser.named("vic");
        UUID circle = Api.signIn(vic);
        try (Receiver receiver = new Receiver(500, 500)) {
            String id = (String) subscribe(vic, receiver.url(), List.of("task.created"), List.of("planning:read")).get("id");
            TestTopics.send("planning.task", circle.toString(),
                    taskEvent(UUID.randomUUID(), "task.created", circle, vic.id(), UUID.randomUUID()));
            awaitDelivery(vic, id, "succeeded");
            assertEquals(3, receiver.received.size());
            assertEquals(1, Set.copyOf(receiver.received.stream().map(r -> r.headers().get("webhook-id")).toList()).size(),
                    "one message, three attempts");
            vic.api().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items[0].attempts", equalTo(3)).body("items[0].responseCode", equalTo(204));
            assertEquals(List.of(500, 500, 204), Db.column(
                    "SELECT a.response_code FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                            + "WHERE d.subscription_id = ?::uuid ORDER BY a.attempt", id));
        }
    }

    @Test
    void aSubscriptionFailingLongerThanAllowedIsDisabledAndItsOwnerTold() throws Exception {
        TestUser wes = TestUser.named("wes");
        UUID circle = Api.signIn(wes);
        try (Receiver receiver = Receiver.alwaysFailing()) {
            String id = (String) subscribe(wes, receiver.url(), List.of("task.created"), List.of("planning:read")).get("id");
            Instant firstFailure = Instant.now();
            TestTopics.send("planning.task", circle.toString(),
                    taskEvent(UUID.randomUUID(), "task.created", circle, wes.id(), UUID.randomUUID()));
            awaitDelivery(wes, id, "failed"); // four attempts (the test schedule: three retries), all 500
            assertEquals(4, receiver.received.size());
            wes.api().get("/api/v1/webhooks/" + id).then().body("status", org.hamcrest.Matchers.equalTo("active"));
            // lifeos.webhooks.disable-after is 15 s in tests (3 days in production): the next failure after it disables.
            while (Instant.now().isBefore(firstFailure.plusSeconds(16))) {
                Thread.sleep(250);
            }
            TestTopics.send("planning.task", circle.toString(),
                    taskEvent(UUID.randomUUID(), "task.created", circle, wes.id(), UUID.randomUUID()));
            Await.until(() -> "disabled".equals(wes.api().get("/api/v1/webhooks/" + id).then().extract().path("status")),
                    "the subscription disabled");
            wes.api().get("/api/v1/me/security-events").then().statusCode(200)
                    .body("items.type", hasItem("WEBHOOK_DISABLED"));
            // What was still to be retried ends as failed, unsent, instead of staying due for ever
            // (a hundred such would fill every batch and starve every other subscription).
            int sent = receiver.received.size();
            Await.until(() -> Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?::uuid "
                    + "AND status = 'pending'", id) == 0, "nothing left pending for the disabled subscription");
            assertEquals(1L, Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?::uuid "
                    + "AND status = 'failed' AND last_error = 'the subscription is disabled' AND next_attempt_at IS NULL", id));
            assertEquals(sent, receiver.received.size(), "nothing sent once disabled");
        }
    }

    @Test
    void aSubscriptionCannotNameTypesOutsideItsScopesOrAnotherCircleAndNeedsSudo() {
        TestUser xia = TestUser.named("xia");
        TestUser yan = TestUser.named("yan");
        Api.signIn(xia);
        UUID yans = Api.signIn(yan);
        String url = "https://hooks.example.com/lifeos";
        xia.api().body(Map.of("url", url, "eventTypes", List.of("transaction.posted"), "scopes", List.of("planning:read")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("eventTypes"));
        xia.api().body(Map.of("url", url, "eventTypes", List.of("task.exploded"), "scopes", List.of("planning:read")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("eventTypes"));
        xia.api().body(Map.of("url", url, "eventTypes", List.of("task.created"), "scopes", List.of("planning:all")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("scopes"));
        xia.api().body(Map.of("url", "ftp://hooks.example.com/x", "eventTypes", List.of("task.created"),
                        "scopes", List.of("planning:read")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("url"));
        xia.api().header("X-Circle-Id", yans.toString())
                .body(Map.of("url", url, "eventTypes", List.of("task.created"), "scopes", List.of("planning:read")))
                .post("/api/v1/webhooks").then().statusCode(403).contentType("application/problem+json");
        TestUser.api(xia.tokenAuthenticatedAt(null))
                .body(Map.of("url", url, "eventTypes", List.of("task.created"), "scopes", List.of("planning:read")))
                .post("/api/v1/webhooks").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_user_authentication\", max_age=300"));
        assertEquals(0, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE owner_id = ?", xia.id()),
                "nothing written");
        // Another user's subscription is not there for xia.
        String yansHook = (String) subscribe(yan, url, List.of("task.created"), List.of("planning:read")).get("id");
        xia.api().get("/api/v1/webhooks/" + yansHook).then().statusCode(404);
        xia.api().header("X-Circle-Id", yans.toString()).get("/api/v1/webhooks/" + yansHook).then().statusCode(403);
        xia.api().delete("/api/v1/webhooks/" + yansHook).then().statusCode(404);
        xia.api().get("/api/v1/webhooks/" + yansHook + "/deliveries").then().statusCode(404);
    }

    /**
     * Health stays private inside a shared circle: a member's wearable samples reach only that
     * member's subscriptions, never another member's, though both subscribed in the same circle.
     */
    @Test
    void anotherMembersHealthEventsNeverReachYourSubscription() throws Exception {
        TestUser wes = TestUser.named("wes");
        TestUser zed = TestUser.named("zed");
        Api.signIn(wes);
        Api.signIn(zed);
        UUID home = Api.createCircle(wes, "Home");
        Api.addMember(wes, home, zed, "editor");
        try (Receiver wesReceiver = new Receiver(); Receiver zedReceiver = new Receiver()) {
            String wesHook = subscribeIn(wes, home, wesReceiver.url());
            String zedHook = subscribeIn(zed, home, zedReceiver.url());
            TestTopics.send("health.samples", home.toString(), JSON.writeValueAsString(Map.of(
                    "eventId", UUID.randomUUID().toString(), "type", "samples.ingested",
                    "occurredAt", Instant.now().toString(), "tenantId", home.toString(), "actorId", wes.id().toString(),
                    "payload", Map.of("deviceId", UUID.randomUUID().toString(), "day", "2026-12-01",
                            "zone", "Europe/Berlin", "accepted", 120, "duplicates", 0, "source", "api"))));
            Await.until(() -> "succeeded".equals(wes.api().header("X-Circle-Id", home.toString())
                    .get("/api/v1/webhooks/" + wesHook + "/deliveries").then().statusCode(200)
                    .extract().path("items[0].status")), "wes's delivery");
            assertEquals(1, wesReceiver.received.size());
            // The event was fanned out in one transaction: nothing was, or will be, written for zed.
            assertEquals(0, Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?",
                    UUID.fromString(zedHook)), "another member's samples are not zed's to hear of");
            assertEquals(0, zedReceiver.received.size());

            // A member who leaves hears nothing more of the circle: zed's task subscription goes quiet.
            String zedTasks = zed.api().header("X-Circle-Id", home.toString())
                    .body(Map.of("url", zedReceiver.url(), "eventTypes", List.of("task.created"),
                            "scopes", List.of("planning:read")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            String wesTasks = wes.api().header("X-Circle-Id", home.toString())
                    .body(Map.of("url", wesReceiver.url(), "eventTypes", List.of("task.created"),
                            "scopes", List.of("planning:read")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            try (Connection admin = Db.superuser()) {
                assertEquals(1, Db.update(admin, "DELETE FROM circle_members WHERE tenant_id = ? AND user_id = ?",
                        home, zed.id()));
            }
            TestTopics.send("planning.task", home.toString(),
                    taskEvent(UUID.randomUUID(), "task.created", home, wes.id(), UUID.randomUUID()));
            Await.until(() -> Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?",
                    UUID.fromString(wesTasks)) == 1, "wes's task delivery");
            assertEquals(0, Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?",
                    UUID.fromString(zedTasks)), "a former member's subscription gets nothing");
        }
    }

    /** A role or policy change that takes away the right to read tasks ends the task deliveries too. */
    @Test
    void aPolicyThatNoLongerLetsTheOwnerReadTasksStopsTheirDeliveries() throws Exception {
        TestUser kai = TestUser.named("kai");
        TestUser lia = TestUser.named("lia");
        Api.signIn(kai);
        Api.signIn(lia);
        UUID crew = Api.createCircle(kai, "Crew");
        Api.addMember(kai, crew, lia, "editor");
        Map<String, Object> tasks = Map.of("url", "https://hooks.example.com/crew", "eventTypes", List.of("task.created"),
                "scopes", List.of("planning:read"));
        String lias = lia.api().header("X-Circle-Id", crew.toString()).body(tasks).post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
        String kais = kai.api().header("X-Circle-Id", crew.toString()).body(tasks).post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
        TestTopics.send("planning.task", crew.toString(),
                taskEvent(UUID.randomUUID(), "task.created", crew, kai.id(), UUID.randomUUID()));
        Await.until(() -> deliveries(lias) == 1 && deliveries(kais) == 1, "both hear of the first task");

        kai.api().body(Map.of("overrides", List.of(Map.of("role", "editor", "resource", "tasks", "action", "read",
                "allowed", false)))).put("/api/v1/circles/{id}/policies", crew).then().statusCode(200);
        TestTopics.send("planning.task", crew.toString(),
                taskEvent(UUID.randomUUID(), "task.created", crew, kai.id(), UUID.randomUUID()));
        Await.until(() -> deliveries(kais) == 2, "the owner hears of the second task");
        assertEquals(1, deliveries(lias), "an editor who may no longer read tasks hears of no more");
    }

    private static long deliveries(String subscription) {
        return Db.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?", UUID.fromString(subscription));
    }

    private static String subscribeIn(TestUser owner, UUID circle, String url) {
        return owner.api().header("X-Circle-Id", circle.toString())
                .body(Map.of("url", url, "eventTypes", List.of("samples.ingested"), "scopes", List.of("health:read")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> subscribe(TestUser owner, String url, List<String> types, List<String> scopes) {
        return owner.api().body(Map.of("url", url, "eventTypes", types, "scopes", scopes)).post("/api/v1/webhooks")
                .then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath().getMap("$");
    }

    private static void awaitDelivery(TestUser owner, String id, String status) {
        Await.until(() -> status.equals(owner.api().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().path("items[0].status")), "a " + status + " delivery of " + id);
    }

    static String taskEvent(UUID eventId, String type, UUID circle, UUID actor, UUID task) throws Exception {
        return JSON.writeValueAsString(Map.of("eventId", eventId.toString(), "type", type,
                "occurredAt", Instant.now().toString(), "tenantId", circle.toString(), "actorId", actor.toString(),
                "payload", Map.of("taskId", task.toString(), "domainId", UUID.randomUUID().toString(), "status", "todo",
                        "priority", "medium", "version", 0)));
    }

    /** Standard Webhooks verification, written here independently of the service's signer. */
    static boolean verify(String secret, Receiver.Received message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = message.headers().get("webhook-id") + "." + message.headers().get("webhook-timestamp") + "."
                + message.body();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String signature : message.headers().get("webhook-signature").split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> iterate(java.util.Iterator<T> items) {
        List<T> list = new java.util.ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }
}
