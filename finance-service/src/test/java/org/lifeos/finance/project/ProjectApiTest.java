package org.lifeos.finance.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
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

/** Projects (seed 001): money in the client's currency, the pipeline's valid moves only, each logged; isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProjectApiTest {

    private static Map<String, Object> project(UUID client) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", client.toString());
        body.put("name", "Shop relaunch");
        body.put("budget", "8000");
        body.put("paidAmount", "2000.5");
        body.put("startDate", "2026-03-01");
        body.put("dueDate", "2026-06-30");
        body.put("repositoryUrl", "https://git.example.com/acme/shop");
        return body;
    }

    private static String etag(Api user, String id) {
        return user.request().get("/api/v1/projects/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static void move(Api user, String id, String status, int expected) {
        user.request().header("If-Match", etag(user, id)).body(Map.of("status", status))
                .patch("/api/v1/projects/" + id).then().statusCode(expected);
    }

    @Test
    void aProjectMovesOneStepAtATimeAndEveryMoveIsLogged() {
        Api alice = Api.newUser("alice");
        UUID client = alice.client("Acme", "GBP");
        String id = alice.request().body(project(client)).post("/api/v1/projects").then().statusCode(201)
                .header("Location", containsString("/api/v1/projects/"))
                .body("currency", equalTo("GBP")).body("status", equalTo("planning"))
                .body("priority", equalTo("medium")).body("type", equalTo("website"))
                .body("budget", equalTo("8000.00")).body("paidAmount", equalTo("2000.50"))
                .body("outstanding", equalTo("5999.50")).body("clientId", equalTo(client.toString()))
                .extract().path("id");

        move(alice, id, "design", 200);
        alice.request().header("If-Match", etag(alice, id)).body(Map.of("status", "review"))
                .patch("/api/v1/projects/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("from design to review"));
        alice.request().get("/api/v1/projects/" + id).then().body("status", equalTo("design"));
        for (String next : List.of("development", "review", "development", "review", "launched")) {
            move(alice, id, next, 200);
        }
        move(alice, id, "review", 409);
        alice.request().header("If-Match", etag(alice, id)).body(Map.of("paidAmount", "8000"))
                .patch("/api/v1/projects/" + id).then().statusCode(200).body("status", equalTo("launched"))
                .body("outstanding", equalTo("0.00"));

        List<String> moves = alice.request().get("/api/v1/projects/" + id + "/logs").then().statusCode(200)
                .extract().jsonPath().getList("items.newStatus");
        assertEquals(List.of("planning", "design", "development", "review", "development", "review", "launched"),
                moves);
        alice.request().queryParam("limit", 3).get("/api/v1/projects/" + id + "/logs").then()
                .body("items.oldStatus", equalTo(Arrays.asList(null, "planning", "design")));

        alice.request().queryParam("status", "launched").queryParam("clientId", client.toString())
                .get("/api/v1/projects").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        alice.request().queryParam("status", "planning").get("/api/v1/projects").then().statusCode(200)
                .body("items", equalTo(List.of()));
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("name", "Stale"))
                .patch("/api/v1/projects/" + id).then().statusCode(412);
    }

    @Test
    void badInputIsA400NamingTheFieldWithNothingWritten() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID client = alice.client("Acme", "JPY");
        UUID bobsClient = bob.client("Bob's client", "JPY");
        for (Map.Entry<String, Object> bad : List.of(Map.entry("budget", (Object) "10.5"),
                Map.entry("paidAmount", (Object) "-1"), Map.entry("currency", (Object) "gbp"),
                Map.entry("currency", (Object) "ABC"), Map.entry("status", (Object) "shipped"),
                Map.entry("priority", (Object) "asap"), Map.entry("repositoryUrl", (Object) "ftp://example.com/x"),
                Map.entry("clientId", (Object) bobsClient.toString()), Map.entry("clientId", (Object) "not-a-uuid"),
                Map.entry("name", (Object) " "), Map.entry("dueDate", (Object) "2026-01-01"),
                Map.entry("type", (Object) "Web Site"))) {
            Map<String, Object> body = project(client);
            body.put("paidAmount", "2000");
            body.put(bad.getKey(), bad.getValue());
            alice.request().body(body).post("/api/v1/projects").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.getKey()));
        }
        assertEquals(0, Db.count("SELECT count(*) FROM projects WHERE tenant_id = ?::uuid", alice.circle().toString()));
        assertEquals(0, Db.count("SELECT count(*) FROM project_logs WHERE tenant_id = ?::uuid",
                alice.circle().toString()));
    }

    @Test
    void anotherCircleSeesNothingByIdListFilterOrLogs() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        UUID client = alice.client("Acme", "EUR");
        String id = alice.request().body(project(client)).post("/api/v1/projects").then().statusCode(201)
                .extract().path("id");
        String etag = etag(alice, id);

        bob.request().get("/api/v1/projects/" + id).then().statusCode(404).contentType("application/problem+json");
        bob.request().get("/api/v1/projects/" + id + "/logs").then().statusCode(404);
        bob.request().get("/api/v1/projects").then().statusCode(200).body("items", equalTo(List.of()));
        bob.request().queryParam("clientId", client.toString()).get("/api/v1/projects").then().statusCode(200)
                .body("items", equalTo(List.of()));
        bob.request().header("If-Match", etag).body(Map.of("status", "design")).patch("/api/v1/projects/" + id)
                .then().statusCode(404);
        // Bob cannot hang a project of his on Alice's client either.
        bob.request().body(project(client)).post("/api/v1/projects").then().statusCode(400)
                .body("errors.field", hasItem("clientId"));
        alice.request().get("/api/v1/projects/" + id).then().statusCode(200).body("status", equalTo("planning"));
        assertEquals(0, Db.count("SELECT count(*) FROM projects WHERE tenant_id = ?::uuid", bob.circle().toString()));
    }
}
