package org.lifeos.planning.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;

/** Full-text search over tasks, goals and notes: stemmed, ranked (title above description), circle-bound. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SearchApiTest {

    private Api alice;
    private UUID goal;
    private UUID shoes;
    private UUID passport;

    @BeforeEach
    void aliceWithTasksAndAGoal() {
        alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Health");
        goal = UUID.fromString(alice.request().body(Map.of("domainId", domain.toString(), "title", "Run a marathon",
                "level", "yearly")).post("/api/v1/goals").then().statusCode(201).extract().path("id"));
        shoes = UUID.fromString(alice.createTask(Map.of("domainId", domain.toString(), "title", "Buy running shoes",
                "description", "Trail shoes for the marathon in October")).then().statusCode(201).extract().path("id"));
        passport = alice.task(domain, "Renew passport");
    }

    @Test
    void matchesAreStemmedAndRankedTitleFirst() {
        alice.request().queryParam("q", "marathon").get("/api/v1/search").then().statusCode(200)
                .body("items.id", equalTo(List.of(goal.toString(), shoes.toString())))
                .body("items.kind", equalTo(List.of("goal", "task")))
                .body("items[1].snippet", containsString("<b>marathon</b>"));
        alice.request().queryParam("q", "runs").get("/api/v1/search").then()
                .body("items.id", equalTo(List.of(goal.toString(), shoes.toString())));
        alice.request().queryParam("q", "marathon -shoes").get("/api/v1/search").then()
                .body("items.id", equalTo(List.of(goal.toString())));
        alice.request().queryParam("q", "\"renew passport\"").get("/api/v1/search").then()
                .body("items.id", equalTo(List.of(passport.toString())));
    }

    @Test
    void notesAreFoundNextToTasksAndGoals() {
        UUID note = UUID.fromString(alice.request().body(Map.of("title", "Packing list",
                "content", "Passport, charger and the marathon bib")).post("/api/v1/notes").then().statusCode(201)
                .extract().path("id"));
        alice.request().queryParam("q", "bib").get("/api/v1/search").then().statusCode(200)
                .body("items.id", equalTo(List.of(note.toString())))
                .body("items.kind", equalTo(List.of("note")))
                .body("items[0].snippet", containsString("<b>bib</b>"));
        // The task has "passport" in its title (weight A), the note only in its content (weight B).
        alice.request().queryParam("q", "passport").get("/api/v1/search").then()
                .body("items.id", equalTo(List.of(passport.toString(), note.toString())));
        Api bob = Api.newUser("bob");
        bob.request().queryParam("q", "bib").get("/api/v1/search").then().body("items.size()", equalTo(0));
    }

    @Test
    void deletedTasksAndOtherCirclesStayOut() {
        alice.request().delete("/api/v1/tasks/" + shoes).then().statusCode(204);
        alice.request().queryParam("q", "marathon").get("/api/v1/search").then()
                .body("items.id", equalTo(List.of(goal.toString())));
        Api bob = Api.newUser("bob");
        bob.request().queryParam("q", "marathon").get("/api/v1/search").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aMissingOrOversizedQueryIsA400() {
        alice.request().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
        alice.request().queryParam("q", "x".repeat(201)).get("/api/v1/search").then().statusCode(400)
                .body("errors.field", hasItem("q"));
        alice.request().queryParam("q", "marathon").queryParam("limit", 0).get("/api/v1/search").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
        alice.request().queryParam("q", "the and of").get("/api/v1/search").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
