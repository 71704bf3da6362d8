package org.lifeos.planning.goal;

import static org.hamcrest.Matchers.empty;
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
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.OutboxRows;

/**
 * Goals: the yearly → quarterly → monthly → weekly hierarchy, status transitions, and progress
 * derived from numeric targets, children and linked tasks, never typed in.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class GoalApiTest {

    private static final String GOALS = "/api/v1/goals";

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Growth");
    }

    @Test
    void aChildSitsExactlyOneLevelBelowItsParent() {
        UUID year = goal(alice, "yearly", null, Map.of());
        UUID quarter = goal(alice, "quarterly", year, Map.of());
        UUID month = goal(alice, "monthly", quarter, Map.of());
        goal(alice, "weekly", month, Map.of());

        create(alice, "monthly", year, Map.of()).then().statusCode(400).body("errors.field", hasItem("parentId"));
        create(alice, "weekly", quarter, Map.of()).then().statusCode(400).body("errors.field", hasItem("parentId"));
        create(alice, "yearly", year, Map.of()).then().statusCode(400).body("errors.field", hasItem("parentId"));
        create(alice, "quarterly", UUID.randomUUID(), Map.of()).then().statusCode(400)
                .body("errors.field", hasItem("parentId"));
        alice.request().body(Map.of("parentId", year.toString())).patch(GOALS + "/" + year).then().statusCode(400)
                .body("errors.field", hasItem("parentId"));
        // Re-levelling a goal would leave its sub-goals two levels below it.
        Map<String, Object> relevel = new HashMap<>();
        relevel.put("level", "yearly");
        relevel.put("parentId", null);
        alice.request().body(relevel).patch(GOALS + "/" + quarter).then()
                .statusCode(400).body("errors.field", hasItem("level"));

        alice.request().queryParam("parentId", year.toString()).get(GOALS).then().statusCode(200)
                .body("items.id", equalTo(List.of(quarter.toString())));
        alice.request().queryParam("parentId", "none").get(GOALS).then().statusCode(200)
                .body("items.id", equalTo(List.of(year.toString())));
    }

    @Test
    void progressRollsUpFromNumericTargetsChildrenAndCompletedTasks() throws Exception {
        UUID year = goal(alice, "yearly", null, Map.of());
        UUID books = goal(alice, "quarterly", year, Map.of("targetValue", 12, "currentValue", 3, "unit", "books"));
        assertProgress(books, 25);
        assertProgress(year, 25);

        UUID ship = goal(alice, "quarterly", year, Map.of());
        UUID first = task(ship, "First");
        UUID second = task(ship, "Second");
        assertProgress(ship, 0);
        alice.request().post("/api/v1/tasks/" + first + "/complete").then().statusCode(200);
        assertProgress(ship, 50);
        assertProgress(year, 38); // (25 + 50) / 2, rounded
        alice.request().body(Map.of("status", "cancelled")).patch("/api/v1/tasks/" + second).then().statusCode(200);
        assertProgress(ship, 100);
        alice.request().delete("/api/v1/tasks/" + first).then().statusCode(204);
        assertProgress(ship, 0);
        alice.request().post("/api/v1/tasks/" + first + "/restore").then().statusCode(200);
        assertProgress(ship, 100);

        alice.request().body(Map.of("currentValue", 9)).patch(GOALS + "/" + books).then().statusCode(200)
                .body("progressPct", equalTo(75));
        assertProgress(year, 88);
        // An abandoned sub-goal no longer weighs on its parent.
        alice.request().body(Map.of("status", "abandoned")).patch(GOALS + "/" + books).then().statusCode(200);
        assertProgress(year, 100);

        alice.request().body(Map.of("progressPct", 10)).patch(GOALS + "/" + ship).then().statusCode(400)
                .body("errors.field", hasItem("progressPct"));

        List<String> shipMoves = OutboxRows.goalProgressMoves(alice.circle(), ship);
        assertEquals(List.of("0->50", "50->100", "100->0", "0->100"), shipMoves,
                "each move of the derived progress is announced once");
    }

    @Test
    void movingASubGoalUpdatesBothParents() {
        UUID first = goal(alice, "yearly", null, Map.of());
        UUID second = goal(alice, "yearly", null, Map.of());
        UUID quarter = goal(alice, "quarterly", first, Map.of("targetValue", 4, "currentValue", 2));
        assertProgress(first, 50);
        alice.request().body(Map.of("parentId", second.toString())).patch(GOALS + "/" + quarter).then()
                .statusCode(200);
        assertProgress(first, 0);
        assertProgress(second, 50);
    }

    @Test
    void statusMovesOnlyAlongAllowedTransitions() {
        UUID goal = goal(alice, "monthly", null, Map.of("targetValue", 10));
        alice.request().body(Map.of("status", "paused")).patch(GOALS + "/" + goal).then().statusCode(200);
        alice.request().body(Map.of("status", "completed")).patch(GOALS + "/" + goal).then().statusCode(200)
                .body("progressPct", equalTo(100));
        alice.request().body(Map.of("status", "paused")).patch(GOALS + "/" + goal).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        alice.request().body(Map.of("status", "active")).patch(GOALS + "/" + goal).then().statusCode(200)
                .body("progressPct", equalTo(0));
    }

    @Test
    void badGoalsAreRefusedNamingTheField() {
        Map<String, Map<String, Object>> cases = Map.of(
                "level", Map.of("level", "daily"),
                "status", Map.of("status", "done"),
                "targetValue", Map.of("targetValue", 0),
                "currentValue", Map.of("currentValue", -1),
                "title", Map.of("title", ""),
                "progressPct", Map.of("progressPct", 50));
        cases.forEach((field, extra) -> create(alice, "yearly", null, extra).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        alice.request().get(GOALS).then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherCirclesGoalsAreUnreachableAndCannotBeLinked() {
        UUID goal = goal(alice, "yearly", null, Map.of());
        String before = alice.request().get(GOALS + "/" + goal).then().statusCode(200).extract().asString();
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        bob.request().get(GOALS + "/" + goal).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "mine")).patch(GOALS + "/" + goal).then().statusCode(404);
        bob.request().get(GOALS).then().statusCode(200).body("items", empty());
        bob.createTask(Map.of("domainId", bobsDomain.toString(), "title", "t", "goalId", goal.toString())).then()
                .statusCode(400).body("errors.field", hasItem("goalId"));
        Map<String, Object> body = new HashMap<>(Map.of("domainId", bobsDomain.toString(), "title", "q",
                "level", "quarterly", "parentId", goal.toString()));
        bob.request().body(body).post(GOALS).then().statusCode(400).body("errors.field", hasItem("parentId"));
        assertEquals(before, alice.request().get(GOALS + "/" + goal).then().statusCode(200).extract().asString());
    }

    private UUID task(UUID goal, String title) {
        return UUID.fromString(alice.createTask(Map.of("domainId", domain.toString(), "title", title,
                "goalId", goal.toString())).then().statusCode(201).body("goalId", equalTo(goal.toString()))
                .extract().path("id"));
    }

    private void assertProgress(UUID goal, int pct) {
        alice.request().get(GOALS + "/" + goal).then().statusCode(200).body("progressPct", equalTo(pct));
    }

    private UUID goal(Api user, String level, UUID parent, Map<String, Object> extra) {
        return UUID.fromString(create(user, level, parent, extra).then().statusCode(201).extract().path("id"));
    }

    private Response create(Api user, String level, UUID parent, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("domainId", domain.toString(), "title", level + " goal",
                "level", level));
        if (parent != null) {
            body.put("parentId", parent.toString());
        }
        body.putAll(extra);
        return user.request().body(body).post(GOALS);
    }
}
