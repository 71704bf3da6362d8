package org.lifeos.finance.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/** PATCH of a posted transaction: payee, memo, category and tags change and are logged; the money never does. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TransactionEditTest {

    private static String etag(Api api, UUID id) {
        return api.request().get("/api/v1/transactions/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void payeeMemoCategoryAndTagsChangeAndEachChangeIsLogged() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "100.00");
        UUID id = alice.transaction(account, "out", "42.10", "EUR", "2026-03-14");
        String groceries = alice.category("Groceries");

        alice.request().header("If-Match", etag(alice, id)).body(Map.of("payee", "Corner Market", "memo", "weekly",
                        "categoryId", groceries, "tags", List.of("food", "home")))
                .patch("/api/v1/transactions/" + id).then().statusCode(200)
                .body("payee", equalTo("Corner Market")).body("memo", equalTo("weekly"))
                .body("categoryId", equalTo(groceries)).body("tags", equalTo(List.of("food", "home")))
                .body("amount", equalTo("42.10")).body("status", equalTo("posted"));

        List<Map<String, Object>> logs = alice.request().get("/api/v1/transactions/" + id + "/logs").then()
                .statusCode(200).extract().path("$");
        assertEquals(2, logs.size(), "posted, then edited");
        Map<String, Object> edit = logs.get(1);
        assertEquals("posted", edit.get("oldStatus"));
        assertEquals("posted", edit.get("newStatus"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> changes = (Map<String, Map<String, Object>>) edit.get("changes");
        assertEquals(Map.of("to", "Corner Market"), without(changes.get("payee")));
        assertEquals(groceries, changes.get("categoryId").get("to"));
        assertEquals(List.of("food", "home"), changes.get("tags").get("to"));
        assertEquals(1, Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid "
                + "AND envelope->>'type' = 'transaction.updated'", alice.circle().toString()));

        // Nothing different: no log, no event, same version.
        String current = etag(alice, id);
        alice.request().header("If-Match", current).body(Map.of("memo", "weekly")).patch("/api/v1/transactions/" + id)
                .then().statusCode(200).header("ETag", equalTo(current));
        assertEquals(2, Db.count("SELECT count(*) FROM transaction_logs WHERE transaction_id = ?::uuid", id.toString()));
        // A stale ETag is a 412.
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("memo", "late")).patch("/api/v1/transactions/" + id)
                .then().statusCode(412);
    }

    @Test
    void moneyFieldsAreRefusedAVoidedRowIsA409AndAnotherCircleA404() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "100.00");
        UUID id = alice.transaction(account, "out", "10.00", "EUR", "2026-03-14");
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("amount", "11.00"),
                Map.<String, Object>of("accountId", UUID.randomUUID().toString()),
                Map.<String, Object>of("occurredOn", "2026-03-15"), Map.<String, Object>of("direction", "in"))) {
            alice.request().header("If-Match", etag(alice, id)).body(bad).patch("/api/v1/transactions/" + id).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.keySet().iterator().next()));
        }
        alice.request().header("If-Match", etag(alice, id)).body(Map.of("categoryId", UUID.randomUUID().toString()))
                .patch("/api/v1/transactions/" + id).then().statusCode(400).body("errors.field", hasItem("categoryId"));
        alice.request().header("If-Match", etag(alice, id)).body(Map.of("payee", "x".repeat(256)))
                .patch("/api/v1/transactions/" + id).then().statusCode(400);
        // Bob's category is not alice's: a 400, and bob cannot reach alice's row at all.
        String bobsCategory = bob.category("Groceries");
        alice.request().header("If-Match", etag(alice, id)).body(Map.of("categoryId", bobsCategory))
                .patch("/api/v1/transactions/" + id).then().statusCode(400).body("errors.field", hasItem("categoryId"));
        bob.request().header("If-Match", etag(alice, id)).body(Map.of("memo", "mine"))
                .patch("/api/v1/transactions/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, Db.count("SELECT count(*) FROM transaction_logs WHERE transaction_id = ?::uuid", id.toString()),
                "nothing was logged");

        alice.request().post("/api/v1/transactions/" + id + "/void").then().statusCode(200);
        alice.request().header("If-Match", etag(alice, id)).body(Map.of("memo", "after"))
                .patch("/api/v1/transactions/" + id).then().statusCode(409);
        alice.request().get("/api/v1/transactions/" + id).then().body("amount", equalTo("10.00"))
                .body("memo", equalTo(null));
    }

    private static Map<String, Object> without(Map<String, Object> pair) {
        Map<String, Object> copy = new java.util.HashMap<>(pair);
        copy.remove("from");
        return copy;
    }
}
