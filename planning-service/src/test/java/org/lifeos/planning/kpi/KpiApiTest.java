package org.lifeos.planning.kpi;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/** KPIs and weekly entries through the API: computed completion, snapshots, events, isolation, bad input. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class KpiApiTest {

    private static final String KPIS = "/api/v1/kpis";

    private Api alice;

    @BeforeEach
    void alice() {
        alice = Api.newUser("alice");
    }

    @Test
    void entriesAreScoredNeverTypedAndKeepTheirTarget() {
        UUID deepWork = kpi(Map.of("name", "Deep work", "unit", "hours", "category", "professional",
                "target", 20, "minTarget", 15));
        String entries = KPIS + "/" + deepWork + "/entries/";
        alice.request().body(Map.of("value", 10)).put(entries + "2026-W10").then().statusCode(201)
                .body("week", equalTo("2026-W10")).body("weekStart", equalTo("2026-03-02"))
                .body("completionRate", equalTo(0.5f)).body("completed", equalTo(false))
                .body("level", equalTo("missed"));
        alice.request().body(Map.of("value", 16)).put(entries + "2026-W10").then().statusCode(200)
                .body("completionRate", equalTo(0.8f)).body("level", equalTo("minimum"));
        alice.request().body(Map.of("value", 25, "completionRate", 1)).put(entries + "2026-W11").then()
                .statusCode(400).body("errors.field", hasItem("completionRate"));
        alice.request().body(Map.of("value", 25)).put(entries + "2026-W11").then().statusCode(201)
                .body("completionRate", equalTo(1.0f)).body("level", equalTo("met"));
        // A new target applies to new weeks; recorded weeks keep theirs.
        alice.request().body(Map.of("target", 40, "minTarget", 30)).patch(KPIS + "/" + deepWork).then()
                .statusCode(200);
        alice.request().get(entries + "2026-W11").then().body("target", equalTo(20.0f))
                .body("completed", equalTo(true));
        alice.request().body(Map.of("value", 20)).put(entries + "2026-W13").then().statusCode(201)
                .body("target", equalTo(40.0f)).body("completionRate", equalTo(0.5f));

        alice.request().queryParam("from", "2026-W10").queryParam("to", "2026-W13")
                .get(KPIS + "/" + deepWork + "/summary").then().statusCode(200)
                .body("weeks", equalTo(4)).body("weeksWithEntries", equalTo(3)).body("weeksMet", equalTo(1))
                .body("value", equalTo(61.0f)).body("aggregation", equalTo("total"))
                .body("completionRate", equalTo(0.575f));
        alice.request().queryParam("from", "2026-W10").queryParam("to", "2026-W11")
                .get(KPIS + "/" + deepWork + "/entries").then().body("items.week",
                        equalTo(List.of("2026-W10", "2026-W11")));

        alice.request().delete(entries + "2026-W13").then().statusCode(204);
        alice.request().get(entries + "2026-W13").then().statusCode(404);

        List<String> recorded = OutboxRows.payloads(alice.circle(), "planning.kpi", "kpi.entry_recorded");
        assertEquals(4, recorded.size(), "each recorded or corrected week is announced");
        assertTrue(recorded.get(1).contains("minimum"), recorded.get(1));
    }

    @Test
    void reverseScoringAndAveragesThroughTheApi() {
        UUID screen = kpi(Map.of("name", "Screen time", "unit", "hours", "category", "personal", "target", 10,
                "minTarget", 14, "reverseScoring", true, "aggregation", "average"));
        String entries = KPIS + "/" + screen + "/entries/";
        alice.request().body(Map.of("value", 8)).put(entries + "2026-W01").then().statusCode(201)
                .body("completionRate", equalTo(1.0f)).body("level", equalTo("met"));
        alice.request().body(Map.of("value", 12.5)).put(entries + "2026-W02").then().statusCode(201)
                .body("completionRate", equalTo(0.8f)).body("level", equalTo("minimum"));
        alice.request().body(Map.of("value", 20)).put(entries + "2026-W03").then().statusCode(201)
                .body("completionRate", equalTo(0.5f)).body("level", equalTo("missed"));
        alice.request().queryParam("from", "2026-W01").queryParam("to", "2026-W04")
                .get(KPIS + "/" + screen + "/summary").then().statusCode(200)
                .body("value", equalTo(13.5f)).body("completionRate", equalTo(0.575f));
        // For a reverse KPI the minimum is a ceiling above the target.
        alice.request().body(Map.of("minTarget", 5)).patch(KPIS + "/" + screen).then().statusCode(400)
                .body("errors.field", hasItem("minTarget"));
    }

    @Test
    void badKpisAndEntriesAreRefusedNamingTheFieldAndWriteNothing() {
        Map<String, Object> good = Map.of("name", "Runs", "unit", "km", "category", "fitness", "target", 20);
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("target", with(good, "target", -1));
        cases.put("minTarget", with(good, "minTarget", 30));
        cases.put("aggregation", with(good, "aggregation", "median"));
        cases.put("color", with(good, "color", "green"));
        cases.put("unit", with(good, "unit", ""));
        cases.put("reverseScoring", with(good, "reverseScoring", "sometimes"));
        cases.forEach((field, body) -> alice.request().body(body).post(KPIS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        alice.request().get(KPIS).then().body("items", empty());

        UUID runs = kpi(good);
        String entries = KPIS + "/" + runs + "/entries/";
        alice.request().body(Map.of("value", 5)).put(entries + "2026-W54").then().statusCode(400)
                .body("errors.field", hasItem("week"));
        alice.request().body(Map.of("value", 5)).put(entries + "2099-W01").then().statusCode(400)
                .body("errors.field", hasItem("week"));
        alice.request().body(Map.of("value", -5)).put(entries + "2026-W02").then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().body(Map.of()).put(entries + "2026-W02").then().statusCode(400)
                .body("errors.field", hasItem("value"));
        alice.request().queryParam("from", "2026-W05").queryParam("to", "2026-W01").get(KPIS + "/" + runs
                + "/summary").then().statusCode(400).body("errors.field", hasItem("to"));
        alice.request().queryParam("to", "2026-W01").get(KPIS + "/" + runs + "/summary").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        alice.request().get(KPIS + "/" + runs + "/entries").then().body("items", empty());
        assertEquals(0, OutboxRows.count("kpi_entries", alice.circle()));
        assertEquals(0, OutboxRows.payloads(alice.circle(), "planning.kpi", "kpi.entry_recorded").size());
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID runs = kpi(Map.of("name", "Runs", "unit", "km", "category", "fitness", "target", 20));
        String path = KPIS + "/" + runs;
        alice.request().body(Map.of("value", 5)).put(path + "/entries/2026-W02").then().statusCode(201);
        String before = alice.request().get(path + "/entries/2026-W02").then().extract().asString();

        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("target", 1)).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().body(Map.of("value", 99)).put(path + "/entries/2026-W02").then().statusCode(404);
        bob.request().get(path + "/entries/2026-W02").then().statusCode(404);
        bob.request().delete(path + "/entries/2026-W02").then().statusCode(404);
        bob.request().get(KPIS).then().body("items", empty());

        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path + "/entries/2026-W02").then().statusCode(200).body("value", equalTo(5.0f));
        visitor.request().body(Map.of("value", 99)).put(path + "/entries/2026-W02").then().statusCode(403);
        visitor.request().body(Map.of("target", 1)).patch(path).then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        assertEquals(before, alice.request().get(path + "/entries/2026-W02").then().extract().asString());
        alice.request().get(path).then().body("target", equalTo(20.0f)).body("minTarget", nullValue());
    }

    private UUID kpi(Map<String, Object> body) {
        return UUID.fromString(alice.request().body(body).post(KPIS).then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
