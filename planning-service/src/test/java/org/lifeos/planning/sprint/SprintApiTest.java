package org.lifeos.planning.sprint;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/** Sprints: status rules, the 21-on/7-off cycle deriving dates, tasks and goals, isolation, bad input. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SprintApiTest {

    private static final String SPRINTS = "/api/v1/sprints";

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Release train");
    }

    @Test
    void aCycleSprintDerivesItsEndAndTheNextSprintsDates() {
        UUID first = id(create(Map.of("name", "Build 1", "startDate", "2026-03-02", "cycleOnDays", 21,
                "cycleOffDays", 7)).then().statusCode(201).body("endDate", equalTo("2026-03-22")));
        Response next = alice.request().body(Map.of("name", "Build 2")).post(SPRINTS + "/" + first + "/next");
        next.then().statusCode(201).body("startDate", equalTo("2026-03-30")).body("endDate", equalTo("2026-04-19"))
                .body("previousSprintId", equalTo(first.toString())).body("cycleOnDays", equalTo(21))
                .body("cycleOffDays", equalTo(7)).body("status", equalTo("planned"));
        UUID second = id(next);
        alice.request().post(SPRINTS + "/" + second + "/next").then().statusCode(201)
                .body("startDate", equalTo("2026-04-27")).body("endDate", equalTo("2026-05-17"));
        // One successor per sprint.
        alice.request().post(SPRINTS + "/" + first + "/next").then().statusCode(409);
        // A sprint outside a cycle has no derived successor.
        UUID plain = id(create(Map.of("name", "One-off", "startDate", "2026-06-01", "endDate", "2026-06-14")));
        alice.request().post(SPRINTS + "/" + plain + "/next").then().statusCode(409)
                .contentType("application/problem+json");
        // A cycle sprint's end date must match its length when given.
        create(Map.of("name", "x", "startDate", "2026-03-02", "endDate", "2026-03-10", "cycleOnDays", 21,
                "cycleOffDays", 7)).then().statusCode(400).body("errors.field", hasItem("endDate"));
        // A plain sprint keeps its end: moving its start past it is refused.
        alice.request().body(Map.of("startDate", "2026-09-07")).patch(SPRINTS + "/" + plain).then().statusCode(400)
                .body("errors.field", hasItem("endDate"));
        // Moving a cycle sprint's start moves its derived end.
        UUID third = id(create(Map.of("name", "Cycle B", "startDate", "2026-07-06", "cycleOnDays", 21,
                "cycleOffDays", 7)));
        alice.request().body(Map.of("startDate", "2026-07-13")).patch(SPRINTS + "/" + third).then().statusCode(200)
                .body("endDate", equalTo("2026-08-02"));
    }

    @Test
    void theCycleArithmeticMatchesSeed004() {
        LocalDate[] next = SprintCycle.next(LocalDate.of(2026, 12, 20), 21, 7);
        assertEquals(LocalDate.of(2026, 12, 28), next[0]);
        assertEquals(LocalDate.of(2027, 1, 17), next[1]);
        LocalDate[] back = SprintCycle.next(LocalDate.of(2026, 1, 1), 1, 0);
        assertEquals(LocalDate.of(2026, 1, 2), back[0]);
        assertEquals(back[0], back[1]);
    }

    @Test
    void statusMovesForwardOnlyAndCompletionIsAnnouncedWithTaskCounts() {
        UUID sprint = id(create(Map.of("name", "S", "startDate", "2026-03-02", "endDate", "2026-03-15",
                "domainId", domain.toString())));
        UUID done = alice.task(domain, "Ship");
        UUID open = alice.task(domain, "Polish");
        alice.request().put(SPRINTS + "/" + sprint + "/tasks/" + done).then().statusCode(204);
        alice.request().put(SPRINTS + "/" + sprint + "/tasks/" + open).then().statusCode(204);
        alice.request().post("/api/v1/tasks/" + done + "/complete").then().statusCode(200);

        alice.request().body(Map.of("status", "completed")).patch(SPRINTS + "/" + sprint).then().statusCode(409)
                .body("errors.field", hasItem("status"));
        alice.request().body(Map.of("status", "active")).patch(SPRINTS + "/" + sprint).then().statusCode(200);
        alice.request().body(Map.of("status", "completed", "retrospective", "Went well"))
                .patch(SPRINTS + "/" + sprint).then().statusCode(200).body("status", equalTo("completed"))
                .body("taskCount", equalTo(2)).body("doneTaskCount", equalTo(1));
        alice.request().body(Map.of("status", "active")).patch(SPRINTS + "/" + sprint).then().statusCode(409);
        // A completed sprint's tasks no longer change.
        alice.request().delete(SPRINTS + "/" + sprint + "/tasks/" + open).then().statusCode(409);

        List<String> completed = OutboxRows.payloads(alice.circle(), "planning.sprint", "sprint.completed");
        assertEquals(1, completed.size());
        assertTrue(completed.get(0).contains("\"taskCount\": 2") || completed.get(0).contains("\"taskCount\":2"),
                completed.get(0));
        assertEquals(1, OutboxRows.payloads(alice.circle(), "planning.sprint", "sprint.started").size());
    }

    @Test
    void tasksAndGoalsJoinAndLeaveASprint() {
        UUID sprint = id(create(Map.of("name", "S", "startDate", "2026-03-02", "endDate", "2026-03-15")));
        UUID task = alice.task(domain, "Write tests");
        String tasks = SPRINTS + "/" + sprint + "/tasks";
        alice.request().put(tasks + "/" + task).then().statusCode(204);
        alice.request().put(tasks + "/" + task).then().statusCode(204);
        alice.request().get("/api/v1/tasks/" + task).then().body("sprintId", equalTo(sprint.toString()));
        alice.request().get(tasks).then().statusCode(200).body("items.id", equalTo(List.of(task.toString())))
                .body("items[0].title", equalTo("Write tests"));
        alice.request().delete(tasks + "/" + task).then().statusCode(204);
        alice.request().delete(tasks + "/" + task).then().statusCode(404);
        alice.request().get(tasks).then().body("items", empty());
        alice.request().put(tasks + "/" + UUID.randomUUID()).then().statusCode(404);

        UUID goal = UUID.fromString(alice.request().body(Map.of("domainId", domain.toString(), "title", "Launch",
                "level", "monthly")).post("/api/v1/goals").then().statusCode(201).extract().path("id"));
        String goals = SPRINTS + "/" + sprint + "/goals";
        alice.request().put(goals + "/" + goal).then().statusCode(204);
        alice.request().get(goals).then().body("items", equalTo(List.of(goal.toString())));
        alice.request().delete(goals + "/" + goal).then().statusCode(204);
        alice.request().get(goals).then().body("items", empty());

        // Deleting a sprint keeps its tasks, out of any sprint.
        alice.request().put(tasks + "/" + task).then().statusCode(204);
        alice.request().put(goals + "/" + goal).then().statusCode(204);
        alice.request().delete(SPRINTS + "/" + sprint).then().statusCode(204);
        alice.request().get("/api/v1/tasks/" + task).then().statusCode(200).body("sprintId", nullValue());
        alice.request().get(SPRINTS + "/" + sprint).then().statusCode(404);
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID sprint = id(create(Map.of("name", "Mine", "startDate", "2026-03-02", "endDate", "2026-03-15")));
        UUID task = alice.task(domain, "Mine too");
        String path = SPRINTS + "/" + sprint;
        String before = alice.request().get(path).then().extract().asString();

        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("name", "hijacked")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().post(path + "/next").then().statusCode(404);
        bob.request().put(path + "/tasks/" + task).then().statusCode(404);
        bob.request().get("/api/v1/sprints").then().statusCode(200).body("items", empty());
        // Bob's own sprint cannot take Alice's task or goal.
        UUID bobs = UUID.fromString(bob.request().body(Map.of("name", "Bob's", "startDate", "2026-03-02",
                "endDate", "2026-03-15")).post(SPRINTS).then().statusCode(201).extract().path("id"));
        bob.request().put(SPRINTS + "/" + bobs + "/tasks/" + task).then().statusCode(404);
        bob.request().body(Map.of("name", "x", "startDate", "2026-03-02", "endDate", "2026-03-15",
                "domainId", domain.toString())).post(SPRINTS).then().statusCode(400)
                .body("errors.field", hasItem("domainId"));

        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("name", equalTo("Mine"));
        visitor.request().body(Map.of("name", "changed")).patch(path).then().statusCode(403);
        visitor.request().put(path + "/tasks/" + task).then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        visitor.request().body(Map.of("name", "v", "startDate", "2026-03-02", "endDate", "2026-03-03"))
                .post(SPRINTS).then().statusCode(403);
        assertEquals(before, alice.request().get(path).then().extract().asString(), "the sprint is unchanged");
        alice.request().get(path + "/tasks").then().body("items", empty());
    }

    @Test
    void badSprintsAreRefusedNamingTheFieldAndWriteNothing() {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("name", Map.of("startDate", "2026-03-02", "endDate", "2026-03-15"));
        cases.put("startDate", Map.of("name", "x", "startDate", "2026-02-30", "endDate", "2026-03-15"));
        cases.put("endDate", Map.of("name", "x", "startDate", "2026-03-02", "endDate", "2026-03-01"));
        cases.put("cycleOffDays", Map.of("name", "x", "startDate", "2026-03-02", "cycleOnDays", 21));
        cases.put("cycleOnDays", Map.of("name", "x", "startDate", "2026-03-02", "cycleOnDays", 0,
                "cycleOffDays", 7));
        cases.put("status", Map.of("name", "x", "startDate", "2026-03-02", "endDate", "2026-03-15",
                "status", "done"));
        cases.put("sprintLength", Map.of("name", "x", "startDate", "2026-03-02", "endDate", "2026-03-15",
                "sprintLength", 3));
        cases.forEach((field, body) -> create(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)).body(org.hamcrest.Matchers.not(containsString("Exception"))));
        alice.request().get(SPRINTS).then().statusCode(200).body("items", empty());
        assertEquals(0, OutboxRows.count("sprints", alice.circle()));

        UUID sprint = id(create(Map.of("name", "Keep", "startDate", "2026-03-02", "endDate", "2026-03-15")));
        alice.request().body(Map.of("endDate", "2026-01-01")).patch(SPRINTS + "/" + sprint).then().statusCode(400)
                .body("errors.field", hasItem("endDate"));
        alice.request().header("If-Match", "W/\"7\"").body(Map.of("name", "stale")).patch(SPRINTS + "/" + sprint)
                .then().statusCode(412);
        alice.request().get(SPRINTS + "/" + sprint).then().body("name", equalTo("Keep")).body("version", equalTo(0))
                .body("retrospective", nullValue());
        alice.request().get(SPRINTS + "/not-an-id").then().statusCode(400).body("errors.field", hasItem("id"));
        alice.request().queryParam("status", "finished").get(SPRINTS).then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void listsPageByStartDate() {
        for (int day = 1; day <= 3; day++) {
            create(Map.of("name", "S" + day, "startDate", "2026-03-0" + day, "endDate", "2026-03-20"));
        }
        Response first = alice.request().queryParam("limit", 2).get(SPRINTS);
        first.then().statusCode(200).body("items.name", equalTo(List.of("S1", "S2")));
        String next = first.path("next");
        alice.request().get(next.substring(next.indexOf("/api"))).then().body("items.name", equalTo(List.of("S3")));
    }

    private Response create(Map<String, Object> body) {
        return alice.request().body(body).post(SPRINTS);
    }

    private static UUID id(Response response) {
        return UUID.fromString(response.then().statusCode(201).extract().path("id"));
    }

    private static UUID id(io.restassured.response.ValidatableResponse response) {
        return UUID.fromString(response.extract().path("id"));
    }
}
