package org.lifeos.finance.budget;

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

/** Budgets: planned vs actual from posted out-going rows (voids excluded), the over event once, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BudgetApiTest {

    @Test
    void theActualFollowsTheLedgerAndGoingOverIsAnnouncedOnce() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        UUID dollars = alice.account("USD", "0");
        String groceries = alice.category("Groceries");
        String id = alice.request().body(Map.of("categoryId", groceries, "month", "2026-03", "planned", "100",
                        "currency", "EUR"))
                .post("/api/v1/budgets").then().statusCode(201).body("planned", equalTo("100.00"))
                .body("actual", equalTo("0.00")).body("over", equalTo(false)).extract().path("id");

        post(alice, account, "out", "60.00", "EUR", "2026-03-03", groceries);
        post(alice, dollars, "out", "500.00", "USD", "2026-03-03", groceries);
        post(alice, account, "out", "500.00", "EUR", "2026-04-01", groceries);
        post(alice, account, "in", "30.00", "EUR", "2026-03-04", groceries);
        budget(alice, id, "60.00", "40.00", false);
        assertEquals(0, exceeded(alice));

        UUID over = post(alice, account, "out", "50.00", "EUR", "2026-03-20", groceries);
        budget(alice, id, "110.00", "-10.00", true);
        assertEquals(1, exceeded(alice));
        assertEquals("110.00", Db.string("SELECT envelope->'payload'->>'actual' FROM outbox_events "
                + "WHERE tenant_id = ?::uuid AND event_type = 'budget.exceeded'", alice.circle().toString()));
        post(alice, account, "out", "5.00", "EUR", "2026-03-21", groceries);
        assertEquals(1, exceeded(alice), "announced once per budget");

        alice.request().post("/api/v1/transactions/" + over + "/void").then().statusCode(200);
        budget(alice, id, "65.00", "35.00", false);

        alice.request().body(Map.of("planned", "50.00")).patch("/api/v1/budgets/" + id).then().statusCode(200)
                .body("over", equalTo(true)).body("remaining", equalTo("-15.00"));
        assertEquals(1, exceeded(alice), "still once");
        alice.request().queryParam("month", "2026-03").get("/api/v1/budgets").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        alice.request().delete("/api/v1/budgets/" + id).then().statusCode(204);
        alice.request().get("/api/v1/budgets/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsA400Or409AndAnotherCircleSeesNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        String rent = alice.category("Rent");
        long before = Db.count("SELECT count(*) FROM budgets WHERE tenant_id = ?::uuid", alice.circle().toString());
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("categoryId", rent, "month", "2026-13", "planned", "1", "currency", "EUR"),
                Map.of("categoryId", rent, "month", "2026-03", "planned", "1.001", "currency", "EUR"),
                Map.of("categoryId", rent, "month", "2026-03", "planned", "-1", "currency", "EUR"),
                Map.of("categoryId", rent, "month", "2026-03", "planned", "1", "currency", "EUX"),
                Map.of("categoryId", UUID.randomUUID().toString(), "month", "2026-03", "planned", "1", "currency", "EUR"))) {
            alice.request().body(bad).post("/api/v1/budgets").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertEquals(before, Db.count("SELECT count(*) FROM budgets WHERE tenant_id = ?::uuid", alice.circle().toString()));
        String id = alice.request().body(Map.of("categoryId", rent, "month", "2026-03", "planned", "900", "currency", "EUR"))
                .post("/api/v1/budgets").then().statusCode(201).extract().path("id");
        alice.request().body(Map.of("categoryId", rent, "month", "2026-03", "planned", "1", "currency", "EUR"))
                .post("/api/v1/budgets").then().statusCode(409);

        bob.request().get("/api/v1/budgets/" + id).then().statusCode(404);
        bob.request().body(Map.of("planned", "1")).patch("/api/v1/budgets/" + id).then().statusCode(404);
        bob.request().delete("/api/v1/budgets/" + id).then().statusCode(404);
        bob.request().get("/api/v1/budgets").then().statusCode(200).body("items", equalTo(List.of()));
        bob.request().body(Map.of("categoryId", rent, "month", "2026-03", "planned", "1", "currency", "EUR"))
                .post("/api/v1/budgets").then().statusCode(400).body("errors.field", hasItem("categoryId"));
        bob.request().get("/api/v1/categories/" + rent).then().statusCode(404);
        alice.request().get("/api/v1/budgets/" + id).then().statusCode(200).body("planned", equalTo("900.00"));
    }

    private static UUID post(Api api, UUID account, String direction, String amount, String currency, String day,
                             String category) {
        return UUID.fromString(api.post(account, direction, amount, currency, day, Map.of("categoryId", category))
                .then().statusCode(201).extract().path("id"));
    }

    private static void budget(Api api, String id, String actual, String remaining, boolean over) {
        api.request().get("/api/v1/budgets/" + id).then().statusCode(200).body("actual", equalTo(actual))
                .body("remaining", equalTo(remaining)).body("over", equalTo(over));
    }

    private static long exceeded(Api api) {
        return Db.count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?::uuid AND topic = 'finance.budget' "
                + "AND event_type = 'budget.exceeded'", api.circle().toString());
    }
}
