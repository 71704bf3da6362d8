package org.lifeos.planning.roadmap;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/** Roadmaps and their milestones: ordered, progress derived, the circle's own. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RoadmapApiTest {

    private static final String ROADMAPS = "/api/v1/roadmaps";

    private Api alice;

    @BeforeEach
    void alice() {
        alice = Api.newUser("alice");
    }

    @Test
    void milestonesAreOrderedAndProgressIsDerivedFromThoseDone() {
        UUID domain = alice.createDomain("Career");
        UUID goal = UUID.fromString(alice.request().body(Map.of("domainId", domain.toString(), "title", "Senior",
                "level", "yearly")).post("/api/v1/goals").then().statusCode(201).extract().path("id"));
        UUID roadmap = roadmap(Map.of("title", "Path to senior", "goalId", goal.toString(), "domainId",
                domain.toString(), "startDate", "2026-01-01", "targetDate", "2026-12-31",
                "data", Map.of("theme", "depth")));
        String path = ROADMAPS + "/" + roadmap;
        UUID second = milestone(roadmap, Map.of("title", "Lead a project", "sortOrder", 2, "dueDate", "2026-09-30"));
        UUID first = milestone(roadmap, Map.of("title", "Mentor someone", "sortOrder", 1));
        milestone(roadmap, Map.of("title", "Give a talk", "sortOrder", 3));
        alice.request().get(path).then().statusCode(200).body("progressPct", equalTo(0))
                .body("milestones.title", equalTo(List.of("Mentor someone", "Lead a project", "Give a talk")))
                .body("data.theme", equalTo("depth")).body("goalId", equalTo(goal.toString()));
        alice.request().body(Map.of("status", "done")).patch(path + "/milestones/" + first).then().statusCode(200)
                .body("completedAt", notNullValue());
        alice.request().get(path).then().body("progressPct", equalTo(33));
        alice.request().body(Map.of("status", "in_progress")).patch(path + "/milestones/" + first).then()
                .statusCode(200).body("completedAt", nullValue());
        alice.request().body(Map.of("status", "done")).patch(path + "/milestones/" + second).then().statusCode(200);
        alice.request().delete(path + "/milestones/" + first).then().statusCode(204);
        alice.request().get(path).then().body("progressPct", equalTo(50)).body("milestones.size()", equalTo(2));
        alice.request().get(path + "/milestones/" + second).then().statusCode(200).body("status", equalTo("done"));
        alice.request().queryParam("status", "active").get(ROADMAPS).then().body("items.id",
                equalTo(List.of(roadmap.toString())));
        alice.request().body(Map.of("status", "archived")).patch(path).then().statusCode(200);
        alice.request().queryParam("status", "active").get(ROADMAPS).then().body("items", empty());
        alice.request().delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404);
        assertEquals(0, OutboxRows.count("roadmap_milestones", alice.circle()));
    }

    @Test
    void badRoadmapsAndMilestonesAreRefusedNamingTheField() {
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        alice.request().body(Map.of("description", "x")).post(ROADMAPS).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        alice.request().body(Map.of("title", "x", "domainId", bobsDomain.toString())).post(ROADMAPS).then()
                .statusCode(400).body("errors.field", hasItem("domainId"));
        alice.request().body(Map.of("title", "x", "goalId", UUID.randomUUID().toString())).post(ROADMAPS).then()
                .statusCode(400).body("errors.field", hasItem("goalId"));
        alice.request().body(Map.of("title", "x", "startDate", "2026-05-01", "targetDate", "2026-04-01"))
                .post(ROADMAPS).then().statusCode(400).body("errors.field", hasItem("targetDate"));
        alice.request().body(Map.of("title", "x", "status", "paused")).post(ROADMAPS).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        alice.request().get(ROADMAPS).then().body("items", empty());
        UUID roadmap = roadmap(Map.of("title", "Keep"));
        alice.request().body(Map.of("title", "m", "status", "finished")).post(ROADMAPS + "/" + roadmap
                + "/milestones").then().statusCode(400).body("errors.field", hasItem("status"));
        alice.request().body(Map.of("title", "m", "dueDate", "2026-13-01")).post(ROADMAPS + "/" + roadmap
                + "/milestones").then().statusCode(400).body("errors.field", hasItem("dueDate"));
        alice.request().get(ROADMAPS + "/" + roadmap).then().body("milestones", empty()).body("version", equalTo(0));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID roadmap = roadmap(Map.of("title", "Mine"));
        UUID milestone = milestone(roadmap, Map.of("title", "Step"));
        String path = ROADMAPS + "/" + roadmap;
        String before = alice.request().get(path).then().extract().asString();
        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "x")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().body(Map.of("title", "x")).post(path + "/milestones").then().statusCode(404);
        bob.request().body(Map.of("status", "done")).patch(path + "/milestones/" + milestone).then().statusCode(404);
        bob.request().delete(path + "/milestones/" + milestone).then().statusCode(404);
        bob.request().get(ROADMAPS).then().body("items", empty());
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("milestones[0].title", equalTo("Step"));
        visitor.request().body(Map.of("status", "done")).patch(path + "/milestones/" + milestone).then()
                .statusCode(403);
        visitor.request().body(Map.of("title", "x")).post(path + "/milestones").then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        assertEquals(before, alice.request().get(path).then().extract().asString());
    }

    private UUID roadmap(Map<String, Object> body) {
        return UUID.fromString(alice.request().body(body).post(ROADMAPS).then().statusCode(201).extract().path("id"));
    }

    private UUID milestone(UUID roadmap, Map<String, Object> body) {
        return UUID.fromString(alice.request().body(body).post(ROADMAPS + "/" + roadmap + "/milestones").then()
                .statusCode(201).extract().path("id"));
    }
}
