package org.lifeos.finance.trip;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
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

/**
 * Trips and trip budgets (seed 002): planned per category and currency against the posted
 * out-going transactions tagged with the trip (voids, refunds, untagged rows and other currencies
 * excluded); every change logged; bad input writes nothing; another circle sees nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TripApiTest {

    private static Map<String, Object> trip(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("startDate", "2026-05-01");
        body.put("endDate", "2026-05-10");
        return body;
    }

    private static String line(Api user, String trip, String category, String currency, String amount) {
        return user.request().body(Map.of("categoryId", category, "currency", currency, "amount", amount))
                .post("/api/v1/trips/" + trip + "/budgets").then().statusCode(201).extract().path("id");
    }

    private static void spend(Api user, UUID account, String amount, String category, List<String> tags, String day) {
        user.post(account, "out", amount, "EUR", day, Map.of("categoryId", category, "tags", tags))
                .then().statusCode(201);
    }

    @Test
    void aTripBudgetComparesThePlanWithTheTaggedPostedSpending() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "1000.00");
        String travel = alice.category("Travel");
        String eating = alice.category("Eating out");
        String trip = alice.request().body(trip("Lisbon, São Bento 2026")).post("/api/v1/trips").then()
                .statusCode(201).body("tag", equalTo("trip-lisbon-sao-bento-2026")).extract().path("id");
        String tag = "trip-lisbon-sao-bento-2026";
        String travelLine = alice.request().body(Map.of("categoryId", travel, "currency", "EUR", "amount", "600"))
                .post("/api/v1/trips/" + trip + "/budgets").then().statusCode(201)
                .body("planned", equalTo("600.00")).body("actual", equalTo("0.00")).extract().path("id");

        spend(alice, account, "250.00", travel, List.of(tag), "2026-04-02");
        UUID voided = alice.transaction(account, "out", "100.00", "EUR", "2026-05-03");
        alice.request().body(Map.of("categoryId", travel, "tags", List.of(tag))).patch("/api/v1/transactions/" + voided)
                .then().statusCode(200);
        alice.request().post("/api/v1/transactions/" + voided + "/void").then().statusCode(200);
        spend(alice, account, "80.00", travel, List.of("work"), "2026-05-04");
        spend(alice, account, "30.50", eating, List.of("work", tag), "2026-05-05");
        alice.post(account, "in", "20.00", "EUR", "2026-05-06", Map.of("categoryId", travel, "tags", List.of(tag)))
                .then().statusCode(201);

        alice.request().get("/api/v1/trips/" + trip + "/budgets/" + travelLine).then().statusCode(200)
                .body("actual", equalTo("250.00")).body("remaining", equalTo("350.00")).body("over", equalTo(false));
        String eatingLine = line(alice, trip, eating, "EUR", "20");
        alice.request().get("/api/v1/trips/" + trip + "/budgets").then().statusCode(200)
                .body("items.id", equalTo(List.of(travelLine, eatingLine)))
                .body("items.actual", equalTo(List.of("250.00", "30.50")))
                .body("items.over", equalTo(List.of(false, true)));
        // The same category in another currency is its own line, and none of the EUR spending is its.
        line(alice, trip, travel, "GBP", "100");

        String etag = alice.request().get("/api/v1/trips/" + trip + "/budgets/" + travelLine).then()
                .extract().header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("amount", "200"))
                .patch("/api/v1/trips/" + trip + "/budgets/" + travelLine).then().statusCode(200)
                .body("remaining", equalTo("-50.00")).body("over", equalTo(true));
        alice.request().delete("/api/v1/trips/" + trip + "/budgets/" + eatingLine).then().statusCode(204);
        alice.request().get("/api/v1/trips/" + trip + "/budgets").then().statusCode(200)
                .body("items.currency", equalTo(List.of("EUR", "GBP"))).body("items[1].actual", equalTo("0.00"));

        alice.request().get("/api/v1/trips/" + trip + "/logs").then().statusCode(200)
                .body("items.action", equalTo(List.of("created", "budget_added", "budget_added", "budget_added",
                        "budget_changed", "budget_removed")))
                .body("items[4].oldValue.planned", equalTo("600.00")).body("items[4].newValue.planned", equalTo("200.00"))
                .body("items[5].oldValue.id", equalTo(eatingLine)).body("items[5].newValue", equalTo(null));

        // Retagging the trip changes which rows count.
        alice.request().body(Map.of("tag", "work")).patch("/api/v1/trips/" + trip).then().statusCode(200)
                .body("tag", equalTo("work"));
        alice.request().get("/api/v1/trips/" + trip + "/budgets/" + travelLine).then().body("actual", equalTo("80.00"));
        alice.request().get("/api/v1/trips/" + trip + "/logs").then()
                .body("items[6].action", equalTo("updated")).body("items[6].oldValue.tag", equalTo(tag));
        alice.request().queryParam("from", "2026-05-10").get("/api/v1/trips").then().statusCode(200)
                .body("items.id", equalTo(List.of(trip)));
        alice.request().queryParam("from", "2026-05-11").get("/api/v1/trips").then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void badInputIsA400Or409WithNothingWritten() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        Map<String, Object> backwards = trip("Oslo");
        backwards.put("endDate", "2026-04-30");
        alice.request().body(backwards).post("/api/v1/trips").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("endDate"));
        Map<String, Object> untitled = trip(" ");
        alice.request().body(untitled).post("/api/v1/trips").then().statusCode(400).body("errors.field", hasItem("title"));
        Map<String, Object> badDate = trip("Oslo");
        badDate.put("startDate", "2026-02-30");
        alice.request().body(badDate).post("/api/v1/trips").then().statusCode(400)
                .body("errors.field", hasItem("startDate"));
        String trip = alice.request().body(trip("Oslo")).post("/api/v1/trips").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> sameTag = trip("Oslo");
        alice.request().body(sameTag).post("/api/v1/trips").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("trip-oslo"));

        String travel = alice.category("Travel");
        String bobsCategory = bob.category("Travel");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("categoryId", travel, "currency", "EUR", "amount", "1.234"),
                Map.<String, Object>of("categoryId", travel, "currency", "EUR", "amount", "-1"),
                Map.<String, Object>of("categoryId", travel, "currency", "eur", "amount", "10"),
                Map.<String, Object>of("categoryId", bobsCategory, "currency", "EUR", "amount", "10"),
                Map.<String, Object>of("currency", "EUR", "amount", "10"))) {
            alice.request().body(bad).post("/api/v1/trips/" + trip + "/budgets").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertEquals(0, Db.count("SELECT count(*) FROM trip_budgets WHERE tenant_id = ?::uuid",
                alice.circle().toString()));
        line(alice, trip, travel, "EUR", "10");
        alice.request().body(Map.of("categoryId", travel, "currency", "EUR", "amount", "20"))
                .post("/api/v1/trips/" + trip + "/budgets").then().statusCode(409).body("errors.field", hasItem("categoryId"));
        assertEquals(1, Db.count("SELECT count(*) FROM trip_budgets WHERE tenant_id = ?::uuid",
                alice.circle().toString()));
        // A trip with budget lines keeps its category: removing it is a 409.
        String own = alice.request().body(Map.of("name", "Ferries")).post("/api/v1/categories").then().statusCode(201)
                .extract().path("id");
        line(alice, trip, own, "EUR", "5");
        alice.request().delete("/api/v1/categories/" + own).then().statusCode(409);
        assertEquals(3, Db.count("SELECT count(*) FROM trip_logs WHERE tenant_id = ?::uuid", alice.circle().toString()),
                "created and two lines added; nothing refused was logged");
    }

    @Test
    void anotherCircleSeesAndChangesNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        String trip = alice.request().body(trip("Rome")).post("/api/v1/trips").then().statusCode(201)
                .extract().path("id");
        String other = alice.request().body(trip("Naples")).post("/api/v1/trips").then().statusCode(201)
                .extract().path("id");
        String travelLine = line(alice, trip, alice.category("Travel"), "EUR", "300");

        bob.request().get("/api/v1/trips/" + trip).then().statusCode(404).contentType("application/problem+json");
        bob.request().get("/api/v1/trips").then().statusCode(200).body("items", equalTo(List.of()));
        bob.request().get("/api/v1/trips/" + trip + "/budgets").then().statusCode(404);
        bob.request().get("/api/v1/trips/" + trip + "/logs").then().statusCode(404);
        bob.request().get("/api/v1/trips/" + trip + "/budgets/" + travelLine).then().statusCode(404);
        bob.request().body(Map.of("title", "Mine")).patch("/api/v1/trips/" + trip).then().statusCode(404);
        bob.request().body(Map.of("categoryId", bob.category("Travel"), "currency", "EUR", "amount", "1"))
                .post("/api/v1/trips/" + trip + "/budgets").then().statusCode(404);
        bob.request().body(Map.of("amount", "1")).patch("/api/v1/trips/" + trip + "/budgets/" + travelLine)
                .then().statusCode(404);
        bob.request().delete("/api/v1/trips/" + trip + "/budgets/" + travelLine).then().statusCode(404);
        // A line is reached only through its own trip.
        alice.request().get("/api/v1/trips/" + other + "/budgets/" + travelLine).then().statusCode(404);

        alice.request().get("/api/v1/trips/" + trip + "/budgets/" + travelLine).then().statusCode(200)
                .body("planned", equalTo("300.00"));
        alice.request().get("/api/v1/trips/" + trip).then().body("title", equalTo("Rome"));
        assertEquals(0, Db.count("SELECT count(*) FROM trips WHERE tenant_id = ?::uuid", bob.circle().toString()));
    }
}
