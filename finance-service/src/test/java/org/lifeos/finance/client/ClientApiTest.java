package org.lifeos.finance.client;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/** CRM clients: fields of seed 001, bad input a 400 naming the field, isolation, and active retainers in MRR. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ClientApiTest {

    private static Map<String, Object> client(String name, String retainer) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("currency", "GBP");
        body.put("monthlyRetainer", retainer);
        body.put("contractValue", "12000");
        body.put("healthScore", "yellow");
        body.put("paymentStatus", "pending");
        body.put("nextFollowup", "2026-04-01");
        body.put("metadata", Map.of("source", "referral"));
        return body;
    }

    @Test
    void aClientIsCreatedChangedAndItsRetainerCountsInMrrWhileActive() {
        Api alice = Api.newUser("alice");
        String id = alice.request().body(client("Acme", "1500.5")).post("/api/v1/clients").then().statusCode(201)
                .body("status", equalTo("active")).body("healthScore", equalTo("yellow"))
                .body("paymentStatus", equalTo("pending")).body("monthlyRetainer", equalTo("1500.50"))
                .body("contractValue", equalTo("12000.00")).body("nextFollowup", equalTo("2026-04-01"))
                .body("metadata.source", equalTo("referral")).extract().path("id");
        alice.request().body(client("Globex", "500.00")).post("/api/v1/clients").then().statusCode(201);
        alice.request().body(Map.of("date", YearMonth.now(ZoneOffset.UTC).atDay(1).toString(), "amount", "9.99",
                "currency", "GBP", "sourceType", "subscription")).post("/api/v1/income").then().statusCode(201);

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        alice.request().queryParam("from", month).queryParam("to", month).get("/api/v1/finance/snapshots")
                .then().statusCode(200).body("find { it.currency == 'GBP' }.mrr", equalTo("2010.49"));

        String etag = alice.request().get("/api/v1/clients/" + id).then().statusCode(200).extract().header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("status", "churned", "healthScore", "red"))
                .patch("/api/v1/clients/" + id).then().statusCode(200).body("status", equalTo("churned"))
                .body("monthlyRetainer", equalTo("1500.50"));
        alice.request().queryParam("from", month).queryParam("to", month).get("/api/v1/finance/snapshots")
                .then().statusCode(200).body("find { it.currency == 'GBP' }.mrr", equalTo("509.99"));
        alice.request().queryParam("status", "active").get("/api/v1/clients").then().statusCode(200)
                .body("items.name", equalTo(List.of("Globex")));
        // A month before the clients existed has none of their retainers.
        alice.request().queryParam("from", "2020-01").queryParam("to", "2020-01").get("/api/v1/finance/snapshots")
                .then().statusCode(200).body("$", equalTo(List.of()));
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnotherCircleSeesNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        for (Map.Entry<String, Object> bad : List.of(Map.entry("monthlyRetainer", (Object) "1.234"),
                Map.entry("monthlyRetainer", (Object) "-5"), Map.entry("currency", (Object) "gbp"),
                Map.entry("status", (Object) "dormant"), Map.entry("healthScore", (Object) "blue"),
                Map.entry("email", (Object) "not-an-email"), Map.entry("name", (Object) " "))) {
            Map<String, Object> body = client("Acme", "10.00");
            body.put(bad.getKey(), bad.getValue());
            alice.request().body(body).post("/api/v1/clients").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.getKey()));
        }
        assertEquals(0, Db.count("SELECT count(*) FROM clients WHERE tenant_id = ?::uuid", alice.circle().toString()));

        String id = alice.request().body(client("Acme", "10.00")).post("/api/v1/clients").then().statusCode(201)
                .extract().path("id");
        String etag = alice.request().get("/api/v1/clients/" + id).then().extract().header("ETag");
        bob.request().get("/api/v1/clients/" + id).then().statusCode(404).contentType("application/problem+json");
        bob.request().get("/api/v1/clients").then().statusCode(200).body("items", equalTo(List.of()));
        bob.request().header("If-Match", etag).body(Map.of("status", "churned")).patch("/api/v1/clients/" + id)
                .then().statusCode(404);
        alice.request().get("/api/v1/clients/" + id).then().body("status", equalTo("active"));
    }
}
