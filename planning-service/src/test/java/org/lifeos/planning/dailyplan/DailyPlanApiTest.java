package org.lifeos.planning.dailyplan;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

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

/** Daily plans: one per user per date, upserted by PUT, focus domains of the circle only. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DailyPlanApiTest {

    private static final String PLANS = "/api/v1/daily-plans/";

    private Api alice;
    private UUID work;
    private UUID health;

    @BeforeEach
    void aliceWithDomains() {
        alice = Api.newUser("alice");
        work = alice.createDomain("Work");
        health = alice.createDomain("Health");
    }

    @Test
    void putCreatesThenReplacesTheOnePlanOfTheDay() {
        alice.request().body(Map.of("energyLevel", "high", "focusDomains", List.of(work.toString()),
                        "morningIntention", "Ship it", "moodMorning", 4)).put(PLANS + "2026-03-10").then()
                .statusCode(201).body("date", equalTo("2026-03-10")).body("energyLevel", equalTo("high"))
                .body("focusDomains", equalTo(List.of(work.toString()))).body("moodMorning", equalTo(4))
                .body("userId", equalTo(alice.user().toString()));
        alice.request().body(Map.of("focusDomains", List.of(work.toString(), health.toString()),
                        "eveningReflection", "Shipped", "moodEvening", 5)).put(PLANS + "2026-03-10").then()
                .statusCode(200).body("focusDomains.size()", equalTo(2)).body("moodEvening", equalTo(5))
                .body("morningIntention", nullValue());
        alice.request().body(Map.of("moodMorning", 2)).patch(PLANS + "2026-03-10").then().statusCode(200)
                .body("moodMorning", equalTo(2)).body("eveningReflection", equalTo("Shipped"));
        alice.request().body(Map.of()).put(PLANS + "2026-03-11").then().statusCode(201);

        alice.request().get(PLANS + "2026-03-10").then().statusCode(200).body("moodEvening", equalTo(5));
        alice.request().get("/api/v1/daily-plans").then().statusCode(200)
                .body("items.date", equalTo(List.of("2026-03-10", "2026-03-11")));
        alice.request().get(PLANS + "2026-03-12").then().statusCode(404);
    }

    @Test
    void aStaleIfMatchOnPutIsRefused() {
        alice.request().body(Map.of("moodMorning", 3)).put(PLANS + "2026-03-10").then().statusCode(201);
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("moodMorning", 4)).put(PLANS + "2026-03-10")
                .then().statusCode(200);
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("moodMorning", 5)).put(PLANS + "2026-03-10")
                .then().statusCode(412);
        alice.request().get(PLANS + "2026-03-10").then().body("moodMorning", equalTo(4));
    }

    @Test
    void badPlansAreRefusedNamingTheField() {
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        Map<String, Map<String, Object>> cases = Map.of(
                "moodMorning", Map.of("moodMorning", 0),
                "moodEvening", Map.of("moodEvening", 6),
                "energyLevel", Map.of("energyLevel", "extreme"),
                "focusDomains[1]", Map.of("focusDomains", List.of(work.toString(), bobsDomain.toString())),
                "focusDomains[0]", Map.of("focusDomains", List.of("nope")),
                "mood", Map.of("mood", 3));
        cases.forEach((field, body) -> alice.request().body(body).put(PLANS + "2026-03-10").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        alice.request().body(Map.of()).put(PLANS + "10-03-2026").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().get("/api/v1/daily-plans").then().statusCode(200).body("items", empty());
    }

    @Test
    void plansAreTheirUsersOwnEvenInASharedCircle() {
        alice.request().body(Map.of("morningIntention", "mine")).put(PLANS + "2026-03-10").then().statusCode(201);
        Api bob = Api.newUser("bob");
        bob.request().get(PLANS + "2026-03-10").then().statusCode(404).contentType("application/problem+json");
        bob.request().get("/api/v1/daily-plans").then().statusCode(200).body("items", empty());

        FakeAccessService.setRole(bob.user(), alice.circle(), "editor");
        Api bobInAlices = bob.in(alice.circle());
        bobInAlices.request().get(PLANS + "2026-03-10").then().statusCode(404);
        bobInAlices.request().body(Map.of("morningIntention", "bob's")).put(PLANS + "2026-03-10").then()
                .statusCode(201).body("userId", equalTo(bob.user().toString()));
        alice.request().get(PLANS + "2026-03-10").then().statusCode(200).body("morningIntention", equalTo("mine"));
    }
}
