package org.lifeos.identity.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestTopics;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Webhooks made by partner apps: an app holding the user's consent to {@code webhooks:manage}
 * subscribes its own URL within the scopes the user granted it (no sudo mode, which is the user's),
 * sees and manages only what it made, and its subscriptions end with the consent (withdrawn
 * through LifeOS against the real Keycloak) and with the app itself. A personal access token
 * cannot hold {@code webhooks:manage}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class PartnerWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPartnerAppSubscribesWithinItsGrantAndSeesOnlyWhatItMade() throws Exception {
        TestUser uma = TestUser.named("uma");
        UUID circle = Api.signIn(uma);
        try (Receiver receiver = new Receiver()) {
            String syncToken = uma.partnerToken("habit-sync", "webhooks:manage planning:read");
            JsonPath made = TestUser.api(syncToken).body(Map.of("url", receiver.url(), "eventTypes", List.of("task.created"),
                            "scopes", List.of("planning:read"))).post("/api/v1/webhooks").then().statusCode(201)
                    .header("Cache-Control", "no-store").body("clientId", equalTo("habit-sync"))
                    .extract().jsonPath();
            String id = made.getString("id");
            String secret = made.getString("secret");
            assertTrue(secret.startsWith("whsec_"));

            // Beyond what the user granted the app: 403, nothing written.
            TestUser.api(syncToken).body(Map.of("url", receiver.url(), "eventTypes", List.of("transaction.posted"),
                            "scopes", List.of("finance:read"))).post("/api/v1/webhooks").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("finance:read"));
            // Without webhooks:manage the app may not subscribe at all.
            TestUser.api(uma.partnerToken("habit-sync", "planning:read"))
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("task.created"),
                            "scopes", List.of("planning:read"))).post("/api/v1/webhooks").then().statusCode(403);
            assertEquals(1, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE owner_id = ?", uma.id()));

            // The user's own subscription, and another app's view: each app sees only what it made.
            String own = (String) WebhooksTest.subscribe(uma, receiver.url(), List.of("task.completed"),
                    List.of("planning:read")).get("id");
            TestUser.api(syncToken).get("/api/v1/webhooks").then().statusCode(200).body("items", hasSize(1))
                    .body("items[0].id", equalTo(id)).body("items[0].secret", nullValue());
            TestUser.api(syncToken).get("/api/v1/webhooks/" + own).then().statusCode(404);
            TestUser.api(syncToken).delete("/api/v1/webhooks/" + own).then().statusCode(404);
            String otherApp = uma.partnerToken("other-app", "webhooks:manage planning:read");
            TestUser.api(otherApp).get("/api/v1/webhooks").then().statusCode(200).body("items", hasSize(0));
            TestUser.api(otherApp).get("/api/v1/webhooks/" + id).then().statusCode(404);
            TestUser.api(otherApp).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(404);
            // The user's LifeOS apps see both, the app's marked as its.
            uma.api().get("/api/v1/webhooks").then().statusCode(200).body("items", hasSize(2))
                    .body("items.find { it.id == '" + id + "' }.clientId", equalTo("habit-sync"))
                    .body("items.find { it.id == '" + own + "' }.clientId", nullValue());

            // The app's deliveries come signed with its secret, planning's fields only.
            TestTopics.send("planning.task", circle.toString(),
                    WebhooksTest.taskEvent(UUID.randomUUID(), "task.created", circle, uma.id(), UUID.randomUUID()));
            Await.until(() -> receiver.received.size() == 1, "the app's delivery");
            assertTrue(WebhooksTest.verify(secret, receiver.received.get(0)));
            JsonNode data = JSON.readTree(receiver.received.get(0).body()).get("data");
            assertTrue(data.has("taskId") && !data.has("actorId") && !data.has("amount"), data.toString());
            // The receiver has answered; the sender records the attempt right after.
            Await.until(() -> "succeeded".equals(TestUser.api(syncToken).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).extract().path("items[0].status")), "the app's delivery log says succeeded");

            // The app rotates its own secret without sudo mode (it has none) and removes its subscription.
            TestUser.api(syncToken).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200)
                    .body("secret", containsString("whsec_"));
            TestUser.api(syncToken).delete("/api/v1/webhooks/" + id).then().statusCode(204);
            uma.api().get("/api/v1/webhooks").then().body("items", hasSize(1)).body("items[0].id", equalTo(own));
        }
        // A personal access token cannot be given webhooks:manage.
        uma.api().body(Map.of("name", "script", "scopes", List.of("planning:read", "webhooks:manage")))
                .post("/api/v1/api-keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scopes"));
    }

    @Test
    void withdrawingTheConsentOrDeletingTheAppEndsWhatTheAppSubscribed() throws Exception {
        TestUser dev = TestUser.named("devi");
        Api.signIn(dev);
        String redirect = "http://127.0.0.1:8765/cb";
        JsonPath app = dev.api().body(Map.of("name", "Hooks", "redirectUris", List.of(redirect),
                "scopes", List.of("planning:read", "webhooks:manage"))).post("/api/v1/partner-apps").then()
                .statusCode(201).extract().jsonPath();
        String clientId = app.getString("clientId");

        TestUser lou = Keycloak.newUser("lou", "partner-webhook-password");
        UUID lous = Api.signIn(lou);
        UUID shared = Api.createCircle(lou, "Studio");
        Keycloak.signInWithConsent(clientId, app.getString("clientSecret"), redirect, lou.username(),
                "partner-webhook-password", "openid planning:read webhooks:manage");
        String asApp = lou.partnerToken(clientId, "webhooks:manage planning:read");
        Map<String, Object> form = Map.of("url", "https://hooks.example.com/" + clientId,
                "eventTypes", List.of("task.created"), "scopes", List.of("planning:read"));
        TestUser.api(asApp).body(form).post("/api/v1/webhooks").then().statusCode(201);
        TestUser.api(asApp).header("X-Circle-Id", shared.toString()).body(form).post("/api/v1/webhooks").then()
                .statusCode(201);
        String lousOwn = (String) WebhooksTest.subscribe(lou, "https://hooks.example.com/lou", List.of("task.created"),
                List.of("planning:read")).get("id");
        assertEquals(2, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE owner_id = ? AND client_id = ?",
                lou.id(), clientId));

        // Lou withdraws her consent: the app's subscriptions go in both circles; her own stays.
        lou.api().delete("/api/v1/me/consents/{client}", clientId).then().statusCode(204);
        assertEquals(0, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE client_id = ?", clientId));
        assertEquals(1, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE id = ?", UUID.fromString(lousOwn)));
        assertEquals(lous, UUID.fromString(lou.api().get("/api/v1/webhooks/" + lousOwn).then().statusCode(200)
                .extract().path("circleId")));

        // The app subscribes again for another user; its owner deletes the app: those go too.
        TestUser max = TestUser.named("maxi");
        Api.signIn(max);
        TestUser.api(max.partnerToken(clientId, "webhooks:manage planning:read")).body(form).post("/api/v1/webhooks")
                .then().statusCode(201);
        assertEquals(1, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE client_id = ?", clientId));
        dev.api().delete("/api/v1/partner-apps/{id}", app.getString("id")).then().statusCode(204);
        assertEquals(0, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE client_id = ?", clientId));
        assertEquals(1, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE id = ?", UUID.fromString(lousOwn)),
                "the user's own subscriptions are not the app's to end");
    }
}
