package org.lifeos.planning.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;

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

    /** The circle denies visitors goals:read: a visitor's search finds the tasks and notes, never the goals. */
    @Test
    void aPolicyOverrideHidingGoalsHidesThemFromSearch() {
        UUID circle = UUID.randomUUID();
        FakeAccessService.setRole(alice.user(), circle, "owner");
        Api owner = alice.in(circle);
        UUID domain = owner.createDomain("Races");
        UUID sharedGoal = UUID.fromString(owner.request().body(Map.of("domainId", domain.toString(),
                "title", "Finish the relay marathon", "level", "yearly")).post("/api/v1/goals").then().statusCode(201)
                .extract().path("id"));
        UUID sharedTask = owner.task(domain, "Book the relay marathon bus");
        UUID sharedNote = UUID.fromString(owner.request().body(Map.of("title", "Relay marathon legs",
                "content", "Who runs which leg")).post("/api/v1/notes").then().statusCode(201).extract().path("id"));
        Api vera = Api.newUser("vera").in(circle);
        FakeAccessService.setRole(vera.user(), circle, "visitor");
        FakeAccessService.deny(circle, "visitor", "goals", "read");

        vera.request().get("/api/v1/goals/" + sharedGoal).then().statusCode(403);
        vera.request().queryParam("q", "relay").get("/api/v1/search").then().statusCode(200)
                .body("items.kind", not(hasItem("goal")))
                .body("items.id", containsInAnyOrder(sharedTask.toString(), sharedNote.toString()));
        // The same visitor through a partner app with planning:read: the role's rules apply all the same.
        String partner = Tokens.partner(vera.user(), vera.username(), "fitness-app", Set.of("planning:read"));
        given().auth().oauth2(partner).header("X-Circle-Id", circle.toString()).queryParam("q", "relay")
                .get("/api/v1/search").then().statusCode(200)
                .body("items.id", containsInAnyOrder(sharedTask.toString(), sharedNote.toString()));
        owner.request().queryParam("q", "relay").get("/api/v1/search").then().statusCode(200)
                .body("items.id", containsInAnyOrder(sharedGoal.toString(), sharedTask.toString(), sharedNote.toString()));

        FakeAccessService.deny(circle, "visitor", "notes", "read");
        FakeAccessService.deny(circle, "visitor", "tasks", "read");
        Api another = Api.newUser("wes").in(circle);
        FakeAccessService.setRole(another.user(), circle, "visitor");
        another.request().queryParam("q", "relay").get("/api/v1/search").then().statusCode(403)
                .contentType("application/problem+json");
    }

    /** A partner app's token needs planning:read for search, as for every planning read. */
    @Test
    void aPartnerTokenWithoutPlanningReadIsRefused() {
        String partner = Tokens.partner(alice.user(), alice.username(), "bank-app", Set.of("finance:read"));
        given().auth().oauth2(partner).queryParam("q", "marathon").get("/api/v1/search").then().statusCode(403)
                .contentType("application/problem+json");
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
