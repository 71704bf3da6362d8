package org.lifeos.planning.timeblock;

import static org.hamcrest.Matchers.containsString;
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
import org.lifeos.planning.support.FakeAccessService;

/**
 * Time blocks: one user's day has no overlapping blocks unless a write asks for one; links stay
 * inside the circle; blocks are their user's own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TimeBlockApiTest {

    private static final String BLOCKS = "/api/v1/time-blocks";

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Work");
    }

    @Test
    void createsAndListsTheDaysBlocksInOrder() {
        UUID task = alice.task(domain, "Write report");
        UUID habit = alice.habit(domain, "Walk", Map.of());
        create(alice, block("2026-03-10", "13:00", "14:00", Map.of("habitId", habit.toString(),
                "blockType", "health"))).then().statusCode(201)
                .header("Location", containsString(BLOCKS + "/")).body("habitId", equalTo(habit.toString()))
                .body("status", equalTo("planned")).body("userId", equalTo(alice.user().toString()));
        create(alice, block("2026-03-10", "09:00", "10:30", Map.of("taskId", task.toString(),
                "domainId", domain.toString()))).then().statusCode(201).body("startTime", equalTo("09:00:00"));
        create(alice, block("2026-03-11", "09:00", "10:00", Map.of())).then().statusCode(201);

        alice.request().queryParam("date", "2026-03-10").get(BLOCKS).then().statusCode(200)
                .body("items.startTime", equalTo(List.of("09:00:00", "13:00:00")))
                .body("items[0].taskId", equalTo(task.toString()));
        alice.request().queryParam("from", "2026-03-10").queryParam("to", "2026-03-11").queryParam("limit", 2)
                .get(BLOCKS).then().statusCode(200).body("items.size()", equalTo(2))
                .body("next", containsString("cursor="));
    }

    @Test
    void anOverlapInTheSameUsersDayIsAConflictUnlessAllowed() {
        String first = create(alice, block("2026-03-10", "09:00", "10:00", Map.of())).then().statusCode(201)
                .extract().path("id");
        create(alice, block("2026-03-10", "09:30", "10:30", Map.of())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/conflict"))
                .body("detail", containsString(first));
        create(alice, block("2026-03-10", "08:00", "11:00", Map.of())).then().statusCode(409);
        // Touching is not overlapping: [09:00, 10:00) and [10:00, 11:00).
        create(alice, block("2026-03-10", "10:00", "11:00", Map.of())).then().statusCode(201);
        create(alice, block("2026-03-10", "08:00", "09:00", Map.of())).then().statusCode(201);
        // Another day, and another user's day, are free.
        create(alice, block("2026-03-11", "09:30", "10:30", Map.of())).then().statusCode(201);
        Api bob = Api.newUser("bob");
        FakeAccessService.setRole(bob.user(), alice.circle(), "editor");
        create(bob.in(alice.circle()), block("2026-03-10", "09:30", "10:30", Map.of())).then().statusCode(201);

        create(alice, block("2026-03-10", "09:30", "10:30", Map.of("allowOverlap", true))).then().statusCode(201);
        alice.request().queryParam("date", "2026-03-10").get(BLOCKS).then().statusCode(200)
                .body("items.size()", equalTo(4));
    }

    @Test
    void movingABlockOntoAnotherIsAConflictAndNothingChanges() {
        create(alice, block("2026-03-10", "09:00", "10:00", Map.of())).then().statusCode(201);
        String second = create(alice, block("2026-03-10", "11:00", "12:00", Map.of())).then().statusCode(201)
                .extract().path("id");
        alice.request().body(Map.of("startTime", "09:30")).patch(BLOCKS + "/" + second).then().statusCode(409);
        alice.request().body(Map.of("endTime", "12:30", "status", "in_progress")).patch(BLOCKS + "/" + second)
                .then().statusCode(200).body("endTime", equalTo("12:30:00"));
        alice.request().body(Map.of("startTime", "09:30", "allowOverlap", true)).patch(BLOCKS + "/" + second)
                .then().statusCode(200).body("startTime", equalTo("09:30:00"));
        alice.request().delete(BLOCKS + "/" + second).then().statusCode(204);
        alice.request().get(BLOCKS + "/" + second).then().statusCode(404);
    }

    @Test
    void linksToAnotherCirclesTaskHabitOrDomainAreRefusedNamingTheField() {
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        UUID bobsTask = bob.task(bobsDomain, "Bob's task");
        UUID bobsHabit = bob.habit(bobsDomain, "Bob's habit", Map.of());
        Map<String, String> cases = Map.of("taskId", bobsTask.toString(), "habitId", bobsHabit.toString(),
                "domainId", bobsDomain.toString());
        cases.forEach((field, id) -> create(alice, block("2026-03-10", "09:00", "10:00", Map.of(field, id)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        alice.request().get(BLOCKS).then().statusCode(200).body("items", empty());
    }

    @Test
    void badBlocksAreRefusedNamingTheField() {
        Map<String, Map<String, Object>> cases = Map.of(
                "endTime", block("2026-03-10", "10:00", "09:00", Map.of()),
                "blockType", block("2026-03-10", "09:00", "10:00", Map.of("blockType", "meeting")),
                "status", block("2026-03-10", "09:00", "10:00", Map.of("status", "done")),
                "startTime", block("2026-03-10", "9am", "10:00", Map.of()),
                "date", block("2026-02-30", "09:00", "10:00", Map.of()),
                "title", block("2026-03-10", "09:00", "10:00", Map.of("title", " ")),
                "taskId", block("2026-03-10", "09:00", "10:00", Map.of("taskId", "not-a-uuid")));
        cases.forEach((field, body) -> create(alice, body).then().statusCode(400)
                .body("errors.field", hasItem(field)));
        alice.request().get(BLOCKS).then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherCirclesUserReachesNoBlock() {
        String id = create(alice, block("2026-03-10", "09:00", "10:00", Map.of())).then().statusCode(201)
                .extract().path("id");
        String before = alice.request().get(BLOCKS + "/" + id).then().statusCode(200).extract().asString();
        Api bob = Api.newUser("bob");
        bob.request().get(BLOCKS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "mine")).patch(BLOCKS + "/" + id).then().statusCode(404);
        bob.request().delete(BLOCKS + "/" + id).then().statusCode(404);
        bob.request().get(BLOCKS).then().statusCode(200).body("items", empty());
        // Bob's own day is not Alice's: no conflict with her block.
        create(bob, block("2026-03-10", "09:00", "10:00", Map.of())).then().statusCode(201);
        assertEquals(before, alice.request().get(BLOCKS + "/" + id).then().statusCode(200).extract().asString());
    }

    @Test
    void anotherMemberOfTheSameCircleDoesNotSeeMyBlocks() {
        String id = create(alice, block("2026-03-10", "09:00", "10:00", Map.of())).then().statusCode(201)
                .extract().path("id");
        Api bob = Api.newUser("bob");
        FakeAccessService.setRole(bob.user(), alice.circle(), "editor");
        Api bobInAlices = bob.in(alice.circle());
        bobInAlices.request().get(BLOCKS + "/" + id).then().statusCode(404);
        bobInAlices.request().get(BLOCKS).then().statusCode(200).body("items", empty());
    }

    private static Response create(Api user, Map<String, Object> body) {
        return user.request().body(body).post(BLOCKS);
    }

    private static Map<String, Object> block(String date, String start, String end, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Focus", "date", date, "startTime", start,
                "endTime", end, "blockType", "work"));
        body.putAll(extra);
        return body;
    }
}
