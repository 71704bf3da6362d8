package org.lifeos.planning.metric;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/** Daily metrics: one free-form record per user per day, merged key by key, the user's own. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DailyMetricApiTest {

    private static final String METRICS = "/api/v1/daily-metrics/";

    private Api alice;

    @BeforeEach
    void alice() {
        alice = Api.newUser("alice");
    }

    @Test
    void oneRecordPerDayReplacedByPutAndMergedByPatch() {
        alice.request().body(Map.of("data", Map.of("sleepHours", 7.5, "steps", 9000))).put(METRICS + "2026-03-10")
                .then().statusCode(201).body("data.steps", equalTo(9000)).body("date", equalTo("2026-03-10"));
        alice.request().body(Map.of("data", Map.of("sleepHours", 6))).put(METRICS + "2026-03-10").then()
                .statusCode(200).body("data.sleepHours", equalTo(6)).body("data.steps", nullValue());
        Map<String, Object> patch = new HashMap<>();
        patch.put("mood", "calm");
        patch.put("sleepHours", null);
        alice.request().body(Map.of("data", patch)).patch(METRICS + "2026-03-10").then().statusCode(200)
                .body("data.mood", equalTo("calm")).body("data.sleepHours", nullValue())
                .body("data.size()", equalTo(1));
        alice.request().body(Map.of("data", Map.of("steps", 1))).put(METRICS + "2026-03-11").then().statusCode(201);
        alice.request().queryParam("from", "2026-03-01").get("/api/v1/daily-metrics").then().statusCode(200)
                .body("items.date", equalTo(List.of("2026-03-10", "2026-03-11")));
        alice.request().delete(METRICS + "2026-03-11").then().statusCode(204);
        alice.request().get(METRICS + "2026-03-11").then().statusCode(404);
        assertEquals(1, OutboxRows.count("daily_metrics", alice.circle()));
    }

    @Test
    void badRecordsAreRefusedNamingTheField() {
        alice.request().body(Map.of("data", List.of(1, 2))).put(METRICS + "2026-03-10").then().statusCode(400)
                .body("errors.field", hasItem("data"));
        alice.request().body(Map.of("data", Map.of("x", 1))).put(METRICS + "2026-02-30").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().body(Map.of("data", Map.of("x", 1))).put(METRICS + "2099-01-01").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().body(Map.of("metrics", Map.of("x", 1))).put(METRICS + "2026-03-10").then().statusCode(400)
                .body("errors.field", hasItem("metrics"));
        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            tooMany.put("m" + i, i);
        }
        alice.request().body(Map.of("data", tooMany)).put(METRICS + "2026-03-10").then().statusCode(400)
                .body("errors.field", hasItem("data"));
        alice.request().get("/api/v1/daily-metrics").then().body("items", empty());
        assertEquals(0, OutboxRows.count("daily_metrics", alice.circle()));
    }

    @Test
    void recordsAreTheirUsersOwnAndAVisitorCannotWrite() {
        alice.request().body(Map.of("data", Map.of("steps", 5))).put(METRICS + "2026-03-10").then().statusCode(201);
        Api bob = Api.newUser("bob");
        bob.request().get(METRICS + "2026-03-10").then().statusCode(404).contentType("application/problem+json");
        bob.request().get("/api/v1/daily-metrics").then().body("items", empty());
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(METRICS + "2026-03-10").then().statusCode(404);
        visitor.request().body(Map.of("data", Map.of("steps", 1))).put(METRICS + "2026-03-10").then()
                .statusCode(403);
        visitor.request().delete(METRICS + "2026-03-10").then().statusCode(403);
        alice.request().get(METRICS + "2026-03-10").then().body("data.steps", equalTo(5)).body("version", equalTo(0));
    }
}
