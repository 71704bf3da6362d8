package org.lifeos.planning.skill;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

/** Skills: levels change by recording progress, progress is derived, names are unique per circle. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SkillApiTest {

    private static final String SKILLS = "/api/v1/skills";

    private Api alice;

    @BeforeEach
    void alice() {
        alice = Api.newUser("alice");
    }

    @Test
    void theCurrentLevelIsTheLatestRecordedAndProgressIsDerived() {
        UUID skill = skill(Map.of("name", "Spanish", "category", "language", "targetLevel", 6));
        String path = SKILLS + "/" + skill;
        alice.request().get(path).then().body("currentLevel", equalTo(0.0f)).body("progressPct", equalTo(0));
        alice.request().body(Map.of("level", 3, "recordedOn", "2026-03-10", "note", "B1 exam"))
                .post(path + "/progress").then().statusCode(201);
        alice.request().get(path).then().body("currentLevel", equalTo(3.0f)).body("progressPct", equalTo(50));
        // Back-filling an older level does not lower the current one.
        alice.request().body(Map.of("level", 1, "recordedOn", "2025-06-01")).post(path + "/progress").then()
                .statusCode(201);
        alice.request().get(path).then().body("currentLevel", equalTo(3.0f));
        alice.request().body(Map.of("level", 7)).post(path + "/progress").then().statusCode(201);
        alice.request().get(path).then().body("currentLevel", equalTo(7.0f)).body("progressPct", equalTo(100));
        alice.request().get(path + "/progress").then().body("items.level", equalTo(List.of(7.0f, 3.0f, 1.0f)));
        // The current level is never typed in.
        alice.request().body(Map.of("currentLevel", 2)).patch(path).then().statusCode(400)
                .body("errors.field", hasItem("currentLevel"));
        alice.request().body(Map.of("targetLevel", 0)).patch(path).then().statusCode(200)
                .body("progressPct", nullValue());
        alice.request().queryParam("category", "language").get(SKILLS).then().body("items.name",
                equalTo(List.of("Spanish")));
        alice.request().delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404);
        assertEquals(0, OutboxRows.count("skill_progress", alice.circle()));
    }

    @Test
    void badSkillsAreRefusedNamingTheField() {
        alice.request().body(Map.of("category", "x")).post(SKILLS).then().statusCode(400)
                .body("errors.field", hasItem("name"));
        alice.request().body(Map.of("name", "x", "category", "y", "targetLevel", -1)).post(SKILLS).then()
                .statusCode(400).body("errors.field", hasItem("targetLevel"));
        alice.request().get(SKILLS).then().body("items", empty());
        UUID skill = skill(Map.of("name", "Chess", "category", "games"));
        alice.request().body(Map.of("name", "chess", "category", "games")).post(SKILLS).then().statusCode(409)
                .body("errors.field", hasItem("name"));
        alice.request().body(Map.of("level", "high")).post(SKILLS + "/" + skill + "/progress").then().statusCode(400)
                .body("errors.field", hasItem("level"));
        alice.request().body(Map.of("level", 2, "recordedOn", "2099-01-01")).post(SKILLS + "/" + skill + "/progress")
                .then().statusCode(400).body("errors.field", hasItem("recordedOn"));
        alice.request().get(SKILLS + "/" + skill + "/progress").then().body("items", empty());
        alice.request().get(SKILLS + "/" + skill).then().body("currentLevel", equalTo(0.0f));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID skill = skill(Map.of("name", "Piano", "category", "music", "targetLevel", 10));
        String path = SKILLS + "/" + skill;
        String before = alice.request().get(path).then().extract().asString();
        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("name", "x")).patch(path).then().statusCode(404);
        bob.request().body(Map.of("level", 9)).post(path + "/progress").then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(SKILLS).then().body("items", empty());
        // The same name is free in another circle.
        bob.request().body(Map.of("name", "Piano", "category", "music")).post(SKILLS).then().statusCode(201);
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("name", equalTo("Piano"));
        visitor.request().body(Map.of("level", 9)).post(path + "/progress").then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        assertEquals(before, alice.request().get(path).then().extract().asString());
    }

    private UUID skill(Map<String, Object> body) {
        return UUID.fromString(alice.request().body(body).post(SKILLS).then().statusCode(201).extract().path("id"));
    }
}
