package org.lifeos.finance.snapshot;

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

/** Net worth and MRR per month, computed from accounts, the ledger and subscription income. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SnapshotApiTest {

    private static UUID account(Api api, String type, String opening) {
        return UUID.fromString(api.request().body(Map.of("type", type, "name", type, "currency", "EUR",
                        "openingBalance", opening, "openedOn", "2026-01-01"))
                .post("/api/v1/accounts").then().statusCode(201).extract().path("id"));
    }

    @Test
    void netWorthIsAssetsMinusWhatCreditOwesAndMrrIsTheMonthsSubscriptionIncome() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID bank = account(alice, "bank", "1000.00");
        UUID card = account(alice, "credit", "0");
        alice.transaction(card, "out", "200.00", "EUR", "2026-02-10");
        alice.transaction(bank, "in", "50.00", "EUR", "2026-02-11");
        UUID voided = alice.transaction(bank, "out", "999.00", "EUR", "2026-02-12");
        alice.request().post("/api/v1/transactions/" + voided + "/void").then().statusCode(200);
        for (String[] entry : List.of(new String[] {"subscription", "30.00"}, new String[] {"session", "100.00"})) {
            alice.request().body(Map.of("date", "2026-02-15", "amount", entry[1], "currency", "EUR",
                    "sourceType", entry[0])).post("/api/v1/income").then().statusCode(201);
        }

        List<Map<String, Object>> snapshots = alice.request().queryParam("from", "2025-12").queryParam("to", "2026-02")
                .get("/api/v1/finance/snapshots").then().statusCode(200).extract().path("$");
        assertEquals(List.of(
                Map.of("month", "2025-12", "currency", "EUR", "assets", "0.00", "liabilities", "0.00",
                        "netWorth", "0.00", "mrr", "0.00"),
                Map.of("month", "2026-01", "currency", "EUR", "assets", "1000.00", "liabilities", "0.00",
                        "netWorth", "1000.00", "mrr", "0.00"),
                Map.of("month", "2026-02", "currency", "EUR", "assets", "1050.00", "liabilities", "200.00",
                        "netWorth", "850.00", "mrr", "30.00")), snapshots);

        bob.request().queryParam("from", "2026-01").queryParam("to", "2026-02").get("/api/v1/finance/snapshots")
                .then().statusCode(200).body("$", equalTo(List.of()));
        alice.request().queryParam("from", "2026-13").queryParam("to", "2026-02").get("/api/v1/finance/snapshots")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        alice.request().queryParam("from", "2026-03").queryParam("to", "2026-02").get("/api/v1/finance/snapshots")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        alice.request().queryParam("from", "2026-03").get("/api/v1/finance/snapshots")
                .then().statusCode(400).body("errors.field", hasItem("to"));
    }
}
