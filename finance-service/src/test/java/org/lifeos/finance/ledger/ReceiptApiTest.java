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

/** Receipt metadata of transactions: attached and listed, bad links refused, another circle's transaction a 404. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReceiptApiTest {

    @Test
    void receiptsAreAttachedAndListedOldestFirst() {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        UUID id = alice.transaction(account, "out", "19.99", "EUR", "2026-03-14");
        alice.request().body(Map.of("documentUrl", "https://files.example.com/r/1.pdf"))
                .post("/api/v1/transactions/" + id + "/receipts").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.notNullValue())
                .body("transactionId", equalTo(id.toString())).body("createdBy", equalTo(alice.user().toString()));
        alice.request().body(Map.of("documentUrl", "https://files.example.com/r/2.jpg"))
                .post("/api/v1/transactions/" + id + "/receipts").then().statusCode(201);
        alice.request().get("/api/v1/transactions/" + id + "/receipts").then().statusCode(200)
                .body("documentUrl", equalTo(List.of("https://files.example.com/r/1.pdf",
                        "https://files.example.com/r/2.jpg")));
    }

    @Test
    void badLinksAreA400AndAnotherCirclesTransactionA404() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID account = alice.account("EUR", "0");
        UUID id = alice.transaction(account, "out", "19.99", "EUR", "2026-03-14");
        for (String bad : List.of("http://files.example.com/r.pdf", "not a url", "https://user:pw@files.example.com/r",
                "javascript:alert(1)", "")) {
            alice.request().body(Map.of("documentUrl", bad)).post("/api/v1/transactions/" + id + "/receipts")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("documentUrl"));
        }
        bob.request().body(Map.of("documentUrl", "https://files.example.com/r/x.pdf"))
                .post("/api/v1/transactions/" + id + "/receipts").then().statusCode(404)
                .contentType("application/problem+json");
        bob.request().get("/api/v1/transactions/" + id + "/receipts").then().statusCode(404);
        alice.request().post("/api/v1/transactions/" + UUID.randomUUID() + "/receipts").then().statusCode(400);
        assertEquals(0, Db.count("SELECT count(*) FROM transaction_receipts WHERE transaction_id = ?::uuid",
                id.toString()));
    }
}
