package org.lifeos.planning.activity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

/** The activity catalog (seed 001): CRUD, and tasks made from an activity take its defaults and count a use. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ActivityApiTest {

    private static final String ACTIVITIES = "/api/v1/activities";

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Work");
    }

    @Test
    void aTaskMadeFromAnActivityTakesItsDefaultsAndCountsAUse() {
        UUID deepWork = activity(Map.of("title", "Deep work block", "category", "code", "defaultDuration", 120,
                "energyLevel", "high", "domainId", domain.toString()));
        alice.createTask(Map.of("activityId", deepWork.toString())).then().statusCode(201)
                .body("title", equalTo("Deep work block")).body("estimatedMinutes", equalTo(120))
                .body("timeBlockMinutes", equalTo(120)).body("energyLevel", equalTo("high"))
                .body("domainId", equalTo(domain.toString())).body("activityId", equalTo(deepWork.toString()));
        alice.request().get(ACTIVITIES + "/" + deepWork).then().body("timesUsed", equalTo(1))
                .body("lastUsed", notNullValue());

        // What the body says wins over the activity's defaults.
        alice.createTask(Map.of("activityId", deepWork.toString(), "title", "Refactor billing",
                "energyLevel", "low", "estimatedMinutes", 45)).then().statusCode(201)
                .body("title", equalTo("Refactor billing")).body("energyLevel", equalTo("low"))
                .body("estimatedMinutes", equalTo(45)).body("timeBlockMinutes", equalTo(120));
        alice.request().get(ACTIVITIES + "/" + deepWork).then().body("timesUsed", equalTo(2));
    }

    @Test
    void theCatalogIsCreatedReadUpdatedAndDeleted() {
        UUID gym = activity(Map.of("title", "Gym", "category", "fitness", "sortOrder", 2));
        UUID email = activity(Map.of("title", "Inbox zero", "category", "admin", "defaultDuration", 30,
                "energyLevel", "low", "sortOrder", 1));
        alice.request().get(ACTIVITIES + "/" + gym).then().statusCode(200).body("defaultDuration", equalTo(90))
                .body("energyLevel", equalTo("medium")).body("timesUsed", equalTo(0)).body("active", equalTo(true));
        alice.request().get(ACTIVITIES).then().body("items.id", equalTo(List.of(email.toString(), gym.toString())));
        alice.request().body(Map.of("active", false, "timesUsed", 99)).patch(ACTIVITIES + "/" + gym).then()
                .statusCode(400).body("errors.field", hasItem("timesUsed"));
        alice.request().body(Map.of("active", false)).patch(ACTIVITIES + "/" + gym).then().statusCode(200)
                .body("active", equalTo(false));
        alice.request().queryParam("active", "true").get(ACTIVITIES).then()
                .body("items.id", equalTo(List.of(email.toString())));

        UUID task = UUID.fromString(alice.createTask(Map.of("activityId", email.toString(),
                "domainId", domain.toString())).then().statusCode(201).extract().path("id"));
        alice.request().delete(ACTIVITIES + "/" + email).then().statusCode(204);
        alice.request().get(ACTIVITIES + "/" + email).then().statusCode(404);
        alice.request().get("/api/v1/tasks/" + task).then().statusCode(200).body("activityId", nullValue())
                .body("title", equalTo("Inbox zero"));
    }

    @Test
    void badInputIsRefusedAndCountsNothing() {
        UUID gym = activity(Map.of("title", "Gym", "category", "fitness"));
        Map<String, Map<String, Object>> cases = Map.of(
                "category", Map.of("title", "x", "category", "cooking"),
                "defaultDuration", Map.of("title", "x", "category", "code", "defaultDuration", 2),
                "title", Map.of("category", "code"),
                "domainId", Map.of("title", "x", "category", "code", "domainId", UUID.randomUUID().toString()));
        cases.forEach((field, body) -> alice.request().body(body).post(ACTIVITIES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));

        alice.createTask(Map.of("domainId", domain.toString(), "activityId", UUID.randomUUID().toString()))
                .then().statusCode(400).body("errors.field", hasItem("activityId"));
        alice.createTask(Map.of("domainId", domain.toString(), "activityId", gym.toString(), "priority", "urgent"))
                .then().statusCode(400).body("errors.field", hasItem("priority"));
        alice.request().get(ACTIVITIES + "/" + gym).then().body("timesUsed", equalTo(0));
        alice.request().get(ACTIVITIES).then().body("items.size()", equalTo(1));
        alice.request().get("/api/v1/tasks").then().body("items.size()", equalTo(0));
    }

    @Test
    void anotherCirclesActivityCanNeitherBeSeenNorUsed() {
        UUID gym = activity(Map.of("title", "Gym", "category", "fitness"));
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        bob.request().get(ACTIVITIES + "/" + gym).then().statusCode(404);
        bob.request().get(ACTIVITIES).then().body("items.size()", equalTo(0));
        bob.createTask(Map.of("domainId", bobsDomain.toString(), "activityId", gym.toString())).then()
                .statusCode(400).body("errors.field", hasItem("activityId"));
        alice.request().get(ACTIVITIES + "/" + gym).then().body("timesUsed", equalTo(0));
    }

    private UUID activity(Map<String, Object> body) {
        return UUID.fromString(alice.request().body(new HashMap<>(body)).post(ACTIVITIES).then().statusCode(201)
                .extract().path("id"));
    }
}
