package org.lifeos.planning.goal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.lifeos.planning.support.OutboxRows;

/**
 * Numeric goals: monthly values (seed 004) that add up to the current value, and linked tasks
 * whose completion adds their contribution (seed 001); progress follows, never typed in.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class GoalValuesApiTest {

    private static final String GOALS = "/api/v1/goals";

    private Api alice;
    private UUID domain;
    private String thisMonth;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Fitness");
        thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
    }

    @Test
    void completingALinkedTaskAddsItsContributionAndReopeningTakesItBack() throws Exception {
        UUID goal = goal(Map.of("targetValue", 20, "unit", "km"));
        UUID run = task(goal, Map.of("goalContribution", 5));
        UUID walk = task(goal, Map.of());

        alice.request().post("/api/v1/tasks/" + run + "/complete").then().statusCode(200);
        assertGoal(goal, "5.00", 25);
        alice.request().post("/api/v1/tasks/" + walk + "/complete").then().statusCode(200);
        alice.request().post("/api/v1/tasks/" + walk + "/complete").then().statusCode(200); // once only
        assertGoal(goal, "6.00", 30);
        alice.request().get(GOALS + "/" + goal + "/monthly").then().statusCode(200)
                .body("months.month", equalTo(List.of(thisMonth)))
                .body("months[0].value", equalTo(6.0f));

        alice.request().body(Map.of("status", "todo")).patch("/api/v1/tasks/" + run).then().statusCode(200);
        assertGoal(goal, "1.00", 5);
        alice.request().delete("/api/v1/tasks/" + walk).then().statusCode(204);
        assertGoal(goal, "0.00", 0);
        alice.request().post("/api/v1/tasks/" + walk + "/restore").then().statusCode(200);
        assertGoal(goal, "1.00", 5);

        assertEquals(List.of("0->25", "25->30", "30->5", "5->0", "0->5"), OutboxRows.goalProgressMoves(alice.circle(), goal),
                "each move of the progress is announced once, through the outbox");
    }

    @Test
    void movingADoneTaskToAnotherGoalMovesItsContribution() {
        UUID first = goal(Map.of("targetValue", 4));
        UUID second = goal(Map.of("targetValue", 2));
        UUID task = task(first, Map.of());
        alice.request().post("/api/v1/tasks/" + task + "/complete").then().statusCode(200);
        assertGoal(first, "1.00", 25);
        alice.request().body(Map.of("goalId", second.toString())).patch("/api/v1/tasks/" + task).then()
                .statusCode(200);
        assertGoal(first, "0.00", 0);
        assertGoal(second, "1.00", 50);
    }

    @Test
    void monthlyValuesAddUpToTheCurrentValue() {
        UUID goal = goal(Map.of("targetValue", 24, "currentValue", 3, "unit", "books"));
        alice.request().get(GOALS + "/" + goal + "/monthly").then().statusCode(200)
                .body("months.month", equalTo(List.of(thisMonth))).body("currentValue", equalTo(3.0f));

        alice.request().body(Map.of("value", 4, "target", 2)).put(GOALS + "/" + goal + "/monthly/2020-01").then()
                .statusCode(200).body("currentValue", equalTo(7.0f)).body("progressPct", equalTo(29))
                .body("months.month", equalTo(List.of("2020-01", thisMonth)))
                .body("months[0].target", equalTo(2.0f));
        alice.request().body(Map.of("value", 1)).put(GOALS + "/" + goal + "/monthly/2020-01").then()
                .statusCode(200).body("currentValue", equalTo(4.0f));

        // A direct write of the current value books the difference in this month.
        alice.request().body(Map.of("currentValue", 12)).patch(GOALS + "/" + goal).then().statusCode(200)
                .body("currentValue", equalTo(12.0f)).body("progressPct", equalTo(50));
        alice.request().get(GOALS + "/" + goal + "/monthly").then()
                .body("months.find { it.month == '" + thisMonth + "' }.value", equalTo(11.0f));
    }

    @Test
    void badMonthlyValuesAreRefusedAndChangeNothing() {
        UUID goal = goal(Map.of("targetValue", 10, "currentValue", 2));
        String monthly = GOALS + "/" + goal + "/monthly/";
        alice.request().body(Map.of("value", 1)).put(monthly + "2026-13").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("month"));
        alice.request().body(Map.of("target", 1)).put(monthly + "2026-01").then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().body(Map.of("value", 1, "target", 0)).put(monthly + "2026-01").then().statusCode(400)
                .body("errors.field", hasItem("target"));
        alice.request().body(Map.of("value", "lots")).put(monthly + "2026-01").then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().body(Map.of("value", -5)).put(monthly + "2026-01").then().statusCode(409)
                .body("errors.field", hasItem("value"));
        alice.request().body(Map.of("goalContribution", 0, "domainId", domain.toString(), "title", "t"))
                .post("/api/v1/tasks").then().statusCode(400).body("errors.field", hasItem("goalContribution"));
        alice.request().get(GOALS + "/" + goal + "/monthly").then().statusCode(200)
                .body("currentValue", equalTo(2.0f)).body("months.month", equalTo(List.of(thisMonth)));
    }

    @Test
    void anEndedGoalCanOnlyBeReopened() {
        UUID goal = goal(Map.of());
        alice.request().body(Map.of("status", "abandoned")).patch(GOALS + "/" + goal).then().statusCode(200);
        alice.request().body(Map.of("status", "completed")).patch(GOALS + "/" + goal).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        alice.request().body(Map.of("status", "paused")).patch(GOALS + "/" + goal).then().statusCode(409);
        alice.request().get(GOALS + "/" + goal).then().body("status", equalTo("abandoned"));
    }

    @Test
    void aTaskCannotPointAtAnotherCirclesGoalAndWritesNothing() {
        UUID goal = goal(Map.of("targetValue", 5));
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        UUID bobsTask = bob.task(bobsDomain, "mine");
        bob.createTask(Map.of("domainId", bobsDomain.toString(), "title", "t", "goalId", goal.toString(),
                "status", "done")).then().statusCode(400).body("errors.field", hasItem("goalId"));
        bob.request().body(Map.of("goalId", goal.toString(), "status", "done")).patch("/api/v1/tasks/" + bobsTask)
                .then().statusCode(400).body("errors.field", hasItem("goalId"));
        bob.request().get("/api/v1/tasks").then().body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("todo"));
        bob.request().body(Map.of("value", 3)).put(GOALS + "/" + goal + "/monthly/2026-01").then().statusCode(404);
        assertGoal(goal, "0.00", 0);
    }

    private void assertGoal(UUID goal, String currentValue, int pct) {
        alice.request().get(GOALS + "/" + goal).then().statusCode(200)
                .body("currentValue", equalTo(Float.valueOf(currentValue)))
                .body("progressPct", equalTo(pct));
    }

    private UUID task(UUID goal, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("domainId", domain.toString(), "title", "task",
                "goalId", goal.toString()));
        body.putAll(extra);
        return UUID.fromString(alice.createTask(body).then().statusCode(201).extract().path("id"));
    }

    private UUID goal(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("domainId", domain.toString(), "title", "goal",
                "level", "yearly"));
        body.putAll(extra);
        return UUID.fromString(alice.request().body(body).post(GOALS).then().statusCode(201).extract().path("id"));
    }
}
