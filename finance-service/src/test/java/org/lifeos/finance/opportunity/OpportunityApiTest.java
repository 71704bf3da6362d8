package org.lifeos.finance.opportunity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/** Opportunities (seed 001): value as money, dismissed, converted once into a project of the client; isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpportunityApiTest {

    private static Map<String, Object> opportunity(UUID client) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", client.toString());
        body.put("title", "Newsletter module");
        body.put("description", "They asked about email twice");
        body.put("value", "2500");
        return body;
    }

    private static long projects(Api user) {
        return Db.count("SELECT count(*) FROM projects WHERE tenant_id = ?::uuid", user.circle().toString());
    }

    @Test
    void convertingMakesOneProjectOfTheClientAndTheOpportunityChangesNoMore() {
        Api alice = Api.newUser("alice");
        UUID client = alice.client("Acme", "EUR");
        String id = alice.request().body(opportunity(client)).post("/api/v1/opportunities").then().statusCode(201)
                .body("currency", equalTo("EUR")).body("value", equalTo("2500.00"))
                .body("dismissed", equalTo(false)).body("converted", equalTo(false)).body("aiGenerated", equalTo(false))
                .extract().path("id");

        Response converted = alice.request().body(Map.of("name", "Acme newsletter"))
                .post("/api/v1/opportunities/" + id + "/convert");
        converted.then().statusCode(201).body("opportunity.converted", equalTo(true))
                .body("opportunity.convertedAt", notNullValue())
                .body("project.name", equalTo("Acme newsletter")).body("project.status", equalTo("planning"))
                .body("project.budget", equalTo("2500.00")).body("project.currency", equalTo("EUR"))
                .body("project.clientId", equalTo(client.toString()));
        String project = converted.path("project.id");
        converted.then().header("Location", endsWith("/api/v1/projects/" + project))
                .body("opportunity.projectId", equalTo(project));
        alice.request().get("/api/v1/projects/" + project).then().statusCode(200)
                .body("description", equalTo("They asked about email twice"));

        alice.request().post("/api/v1/opportunities/" + id + "/convert").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(project));
        alice.request().body(Map.of("dismissed", true)).patch("/api/v1/opportunities/" + id).then().statusCode(409);
        assertEquals(1, projects(alice));
        alice.request().queryParam("converted", "true").get("/api/v1/opportunities").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aDismissedOpportunityIsNotConvertedUntilBroughtBack() {
        Api alice = Api.newUser("alice");
        UUID client = alice.client("Acme", "GBP");
        Map<String, Object> body = opportunity(client);
        body.remove("value");
        body.put("aiGenerated", true);
        String id = alice.request().body(body).post("/api/v1/opportunities").then().statusCode(201)
                .body("aiGenerated", equalTo(true)).extract().path("id");
        String etag = alice.request().get("/api/v1/opportunities/" + id).then().statusCode(200)
                .extract().header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("dismissed", true))
                .patch("/api/v1/opportunities/" + id).then().statusCode(200).body("dismissed", equalTo(true));
        alice.request().queryParam("dismissed", "true").queryParam("clientId", client.toString())
                .get("/api/v1/opportunities").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        alice.request().queryParam("dismissed", "false").get("/api/v1/opportunities").then().statusCode(200)
                .body("items", equalTo(List.of()));

        alice.request().post("/api/v1/opportunities/" + id + "/convert").then().statusCode(409)
                .body("detail", containsString("dismissed"));
        assertEquals(0, projects(alice));

        alice.request().body(Map.of("dismissed", false)).patch("/api/v1/opportunities/" + id).then().statusCode(200);
        alice.request().post("/api/v1/opportunities/" + id + "/convert").then().statusCode(201)
                .body("project.name", equalTo("Newsletter module")).body("project.budget", equalTo(null))
                .body("project.currency", equalTo("GBP"));
        assertEquals(1, projects(alice));
    }

    @Test
    void badInputIsA400AndAnotherCircleSeesAndConvertsNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID client = alice.client("Acme", "EUR");
        UUID bobsClient = bob.client("Bob's client", "EUR");
        for (Map.Entry<String, Object> bad : List.of(Map.entry("value", (Object) "1.234"),
                Map.entry("value", (Object) 12.5), Map.entry("currency", (Object) "ABC"),
                Map.entry("clientId", (Object) bobsClient.toString()), Map.entry("title", (Object) ""),
                Map.entry("dismissed", (Object) "maybe"))) {
            Map<String, Object> body = opportunity(client);
            body.put(bad.getKey(), bad.getValue());
            alice.request().body(body).post("/api/v1/opportunities").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.getKey()));
        }
        assertEquals(0, Db.count("SELECT count(*) FROM opportunities WHERE tenant_id = ?::uuid",
                alice.circle().toString()));

        String id = alice.request().body(opportunity(client)).post("/api/v1/opportunities").then().statusCode(201)
                .extract().path("id");
        bob.request().get("/api/v1/opportunities/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        bob.request().get("/api/v1/opportunities").then().statusCode(200).body("items", equalTo(List.of()));
        bob.request().queryParam("clientId", client.toString()).get("/api/v1/opportunities").then()
                .statusCode(200).body("items", equalTo(List.of()));
        bob.request().body(Map.of("dismissed", true)).patch("/api/v1/opportunities/" + id).then().statusCode(404);
        bob.request().post("/api/v1/opportunities/" + id + "/convert").then().statusCode(404);
        assertEquals(0, projects(alice) + projects(bob));
        alice.request().get("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("dismissed", equalTo(false)).body("converted", equalTo(false));
    }
}
