package org.lifeos.finance.invoice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;
import org.lifeos.finance.support.FakePlanningQuery;

/**
 * Billable entries from planning's BillableMinutes (a stand-in PlanningQuery that checks the user's
 * token as planning does): one entry per domain, never twice for a period, bad input a 400 with
 * nothing asked or written, each circle its own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BillableSyncTest {

    private static Response sync(Api api, String from, String to, String rate, String currency) {
        var request = api.request();
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        if (rate != null) {
            request.queryParam("rate", rate);
        }
        if (currency != null) {
            request.queryParam("currency", currency);
        }
        return request.put("/api/v1/invoices/billable-entries/sync");
    }

    private static long entries(Api api) {
        return Db.count("SELECT count(*) FROM billable_entries WHERE tenant_id = ?::uuid", api.circle().toString());
    }

    @Test
    void eachDomainGetsOneEntryAndTheSamePeriodIsNeverBilledTwice() {
        Api alice = Api.newUser("alice");
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        FakePlanningQuery.minutes(alice.circle(), List.of(FakePlanningQuery.domain(acme, "Acme", 90, 2),
                FakePlanningQuery.domain(globex, "Globex", 20, 1), FakePlanningQuery.domain(UUID.randomUUID(), "Idle", 0, 0)));

        List<Map<String, Object>> made = sync(alice, "2026-03-01", "2026-03-31", "80.00", "EUR").then().statusCode(201)
                .body("from", equalTo("2026-03-01")).body("to", equalTo("2026-03-31"))
                .extract().path("entries");
        assertEquals(2, made.size(), made.toString());
        Map<String, Object> acmeEntry = made.stream().filter(e -> acme.toString().equals(e.get("domainId"))).findFirst()
                .orElseThrow();
        assertEquals("1.50", acmeEntry.get("hours"));
        assertEquals("120.00", acmeEntry.get("amount"));
        assertEquals("2026-03-31", acmeEntry.get("date"));
        Map<String, Object> globexEntry = made.stream().filter(e -> globex.toString().equals(e.get("domainId")))
                .findFirst().orElseThrow();
        assertEquals("0.33", globexEntry.get("hours"), "20 minutes, rounded half-up to the hundredth of an hour");
        assertEquals("26.40", globexEntry.get("amount"));
        assertEquals(2, entries(alice));

        // The same period again: the entries of the first sync, nothing new.
        sync(alice, "2026-03-01", "2026-03-31", "80.00", "EUR").then().statusCode(200)
                .body("entries.id", equalTo(made.stream().map(e -> e.get("id")).sorted().toList()));
        // An overlapping period: refused, nothing written.
        sync(alice, "2026-03-31", "2026-04-30", "80.00", "EUR").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("2026-03-01"));
        assertEquals(2, entries(alice));
        assertEquals(1, Db.count("SELECT count(*) FROM billable_syncs WHERE tenant_id = ?::uuid", alice.circle().toString()));

        // The next period is its own.
        FakePlanningQuery.minutes(alice.circle(), List.of(FakePlanningQuery.domain(acme, "Acme", 60, 1)));
        sync(alice, "2026-04-01", "2026-04-30", "80.00", "EUR").then().statusCode(201)
                .body("entries.hours", equalTo(List.of("1.00")));
        assertEquals(3, entries(alice));
        // They are ordinary unbilled entries: an invoice groups them.
        alice.request().body(Map.of("currency", "EUR", "issuedOn", "2026-05-01")).post("/api/v1/invoices")
                .then().statusCode(201).body("total", equalTo("226.40"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndAsksNothing() {
        Api alice = Api.newUser("alice");
        FakePlanningQuery.minutes(alice.circle(), List.of(FakePlanningQuery.domain(UUID.randomUUID(), "Acme", 60, 1)));
        for (String[] bad : List.of(
                new String[] {null, "2026-03-31", "80.00", "EUR", "from"},
                new String[] {"2026-03-01", "2026-02-30", "80.00", "EUR", "to"},
                new String[] {"2026-03-31", "2026-03-01", "80.00", "EUR", "to"},
                new String[] {"2026-01-01", "2027-06-01", "80.00", "EUR", "to"},
                new String[] {"2026-03-01", "2026-03-31", "80.001", "EUR", "rate"},
                new String[] {"2026-03-01", "2026-03-31", "-5", "EUR", "rate"},
                new String[] {"2026-03-01", "2026-03-31", "80.00", "eur", "currency"},
                new String[] {"2026-03-01", "2026-03-31", "80.00", "XXY", "currency"})) {
            sync(alice, bad[0], bad[1], bad[2], bad[3]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[4]));
        }
        assertEquals(0, FakePlanningQuery.calls(alice.circle()), "nothing was asked of planning");
        assertEquals(0, entries(alice));
    }

    @Test
    void eachCircleSyncsItsOwnAndPlanningsRefusalsArePassedOn() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        FakePlanningQuery.minutes(alice.circle(), List.of(FakePlanningQuery.domain(UUID.randomUUID(), "Acme", 60, 1)));
        String entry = sync(alice, "2026-03-01", "2026-03-31", "50.00", "GBP").then().statusCode(201)
                .extract().path("entries[0].id");
        // Bob's own circle has no billable minutes: his sync of the same period makes nothing, sees nothing of alice's.
        sync(bob, "2026-03-01", "2026-03-31", "50.00", "GBP").then().statusCode(201).body("entries", equalTo(List.of()));
        bob.request().get("/api/v1/invoices/billable-entries/" + entry).then().statusCode(404);
        bob.request().get("/api/v1/invoices/billable-entries").then().statusCode(200).body("items", equalTo(List.of()));
        // Bob cannot sync in alice's circle.
        sync(bob.in(alice.circle()), "2026-04-01", "2026-04-30", "50.00", "GBP").then().statusCode(403);
        assertEquals(1, entries(alice));

        FakePlanningQuery.fail(bob.circle(), Status.UNAVAILABLE);
        sync(bob, "2026-05-01", "2026-05-31", "50.00", "GBP").then().statusCode(503)
                .contentType("application/problem+json");
        FakePlanningQuery.fail(bob.circle(), Status.PERMISSION_DENIED.withDescription("no tasks:read"));
        sync(bob, "2026-05-01", "2026-05-31", "50.00", "GBP").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(1, Db.count("SELECT count(*) FROM billable_syncs WHERE tenant_id = ?::uuid", bob.circle().toString()),
                "only the first, successful sync was recorded");
    }
}
