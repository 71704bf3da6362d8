package org.lifeos.planning.task;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;

/** Bad input gets a 400 problem naming the field, and writes nothing. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    private Api alice;
    private UUID domain;

    @BeforeEach
    void user() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Home");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong type for a number      | {\"domainId\":\"%s\",\"title\":\"t\",\"estimatedMinutes\":\"soon\"} | estimatedMinutes",
            "a fraction for a whole number | {\"domainId\":\"%s\",\"title\":\"t\",\"estimatedMinutes\":2.5} | estimatedMinutes",
            "wrong type for a flag         | {\"domainId\":\"%s\",\"title\":\"t\",\"quickWin\":\"yes\"} | quickWin",
            "a number for text             | {\"domainId\":\"%s\",\"title\":42} | title",
            "a boolean for text            | {\"domainId\":\"%s\",\"title\":\"t\",\"description\":true} | description",
            "missing title                 | {\"domainId\":\"%s\"} | title",
            "blank title                   | {\"domainId\":\"%s\",\"title\":\"  \"} | title",
            "unknown enum value            | {\"domainId\":\"%s\",\"title\":\"t\",\"priority\":\"urgent\"} | priority",
            "malformed UUID                | {\"domainId\":\"not-a-uuid\",\"title\":\"t\"} | domainId",
            "impossible date               | {\"domainId\":\"%s\",\"title\":\"t\",\"dueDate\":\"2026-02-30\"} | dueDate",
            "negative minutes              | {\"domainId\":\"%s\",\"title\":\"t\",\"estimatedMinutes\":-5} | estimatedMinutes",
            "unknown field                 | {\"domainId\":\"%s\",\"title\":\"t\",\"dueDat\":\"2026-01-01\"} | dueDat",
            "a tag list of the wrong type  | {\"domainId\":\"%s\",\"title\":\"t\",\"tags\":\"a,b\"} | tags",
    })
    void aBadFieldIsNamedAndNothingIsWritten(String name, String template, String field) {
        alice.request().body(template.formatted(domain)).post("/api/v1/tasks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/validation"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
        assertNoTasks();
    }

    @Test
    void anOversizedTitleIsRefused() {
        alice.createTask(Map.of("domainId", domain.toString(), "title", "x".repeat(501))).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        assertNoTasks();
    }

    @Test
    void malformedJsonIsRefused() {
        alice.request().body("{\"domainId\": \"" + domain + "\", \"title\": ").post("/api/v1/tasks").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        alice.request().body("[1, 2]").post("/api/v1/tasks").then().statusCode(400);
        assertNoTasks();
    }

    @Test
    void aMalformedIdInThePathOrQueryIsA400NamingIt() {
        alice.request().get("/api/v1/tasks/12345").then().statusCode(400).body("errors.field", hasItem("id"));
        alice.request().queryParam("domainId", "nope").get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", hasItem("domainId"));
        alice.request().queryParam("dueFrom", "yesterday").get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", hasItem("dueFrom"));
        alice.request().queryParam("status", "finished").get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        alice.request().queryParam("limit", 0).get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        alice.request().queryParam("cursor", "garbage!").get("/api/v1/tasks").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aBadPatchChangesNothing() {
        UUID task = alice.task(domain, "Keep me");
        String path = "/api/v1/tasks/" + task;
        alice.request().body("{\"title\": null}").patch(path).then().statusCode(400).body("errors.field", hasItem("title"));
        alice.request().body("{\"status\": \"nearly\"}").patch(path).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        alice.request().body("{\"parentId\": \"" + task + "\"}").patch(path).then().statusCode(400)
                .body("errors.field", hasItem("parentId"));
        alice.request().get(path).then().body("title", equalTo("Keep me")).body("status", equalTo("todo"))
                .body("version", equalTo(0));
    }

    @Test
    void aRequestWithoutATokenIsA401Problem() {
        io.restassured.RestAssured.given().get("/api/v1/tasks").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        io.restassured.RestAssured.given().auth().oauth2(org.lifeos.devstack.testing.Tokens.expired(alice.user(), "alice"))
                .get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
        io.restassured.RestAssured.given().auth().oauth2(
                        org.lifeos.devstack.testing.Tokens.otherAudience(alice.user(), "alice"))
                .get("/api/v1/tasks").then().statusCode(401);
    }

    @Test
    void aPartnerTokenReachesOnlyWhatItsScopesAllow() {
        String readOnly = org.lifeos.devstack.testing.Tokens.partner(alice.user(), "alice", "fitness-app",
                java.util.Set.of("planning:read"));
        io.restassured.RestAssured.given().auth().oauth2(readOnly).get("/api/v1/tasks").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(readOnly).contentType("application/json")
                .body(Map.of("domainId", domain.toString(), "title", "from partner")).post("/api/v1/tasks")
                .then().statusCode(403).contentType("application/problem+json");
        assertNoTasks();
    }

    private void assertNoTasks() {
        alice.request().get("/api/v1/tasks").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
