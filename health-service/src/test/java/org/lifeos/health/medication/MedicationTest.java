package org.lifeos.health.medication;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;

/**
 * Medications: an RRULE dose schedule in the medication's zone, doses logged once per scheduled
 * time, adherence = taken / scheduled over a period (future dose times not counted), privacy.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MedicationTest {

    private static final String PATH = "/api/v1/medications";

    private static Map<String, Object> medication(String rule, String startAt, String zone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Estradiol");
        body.put("dosage", "2 mg");
        body.put("scheduleRule", rule);
        body.put("startAt", startAt);
        if (zone != null) {
            body.put("timeZone", zone);
        }
        return body;
    }

    private static void dose(Api api, UUID id, String at, String status, int expected) {
        api.request().body(Map.of("scheduledFor", at, "status", status)).post(PATH + "/" + id + "/doses").then()
                .statusCode(expected);
    }

    @Test
    void adherenceIsTakenOverScheduledInThePeriod() {
        Api alice = Api.newUser("alice");
        Map<String, Object> body = medication("FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0", "2026-03-01T08:00:00", "Europe/Berlin");
        body.put("endsOn", "2026-03-03");
        UUID id = alice.create(PATH, body);
        for (String at : new String[] {"2026-03-01T08:00:00", "2026-03-01T20:00:00", "2026-03-02T08:00:00",
                "2026-03-03T20:00:00"}) {
            dose(alice, id, at, "taken", 201);
        }
        dose(alice, id, "2026-03-02T20:00:00", "skipped", 201);
        // 2026-03-03T08:00 is missed; the schedule ends on the 3rd, so the 4th and 5th add nothing.
        alice.request().queryParam("from", "2026-03-01").queryParam("to", "2026-03-05")
                .get(PATH + "/" + id + "/adherence").then().statusCode(200)
                .body("scheduled", equalTo(6)).body("taken", equalTo(4)).body("skipped", equalTo(1))
                .body("missed", equalTo(1)).body("adherencePct", equalTo(66.67f));
        alice.request().queryParam("from", "2026-03-02").queryParam("to", "2026-03-02")
                .get(PATH + "/" + id + "/adherence").then().body("scheduled", equalTo(2)).body("taken", equalTo(1))
                .body("adherencePct", equalTo(50.0f));
        alice.request().queryParam("from", "2026-04-01").queryParam("to", "2026-04-02")
                .get(PATH + "/" + id + "/adherence").then().body("scheduled", equalTo(0)).body("adherencePct", nullValue());
        alice.request().queryParam("from", "2026-03-01").queryParam("to", "2026-03-01").get(PATH + "/" + id + "/doses")
                .then().statusCode(200).body("scheduledFor", contains("2026-03-01T08:00:00", "2026-03-01T20:00:00"))
                .body("status", contains("taken", "taken"));
    }

    @Test
    void aDoseIsLoggedOnceAndOnlyForAScheduledTime() {
        Api alice = Api.newUser("alice");
        UUID id = alice.create(PATH, medication("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=30", "2026-03-02T09:30:00", "UTC"));
        dose(alice, id, "2026-03-09T09:30:00", "taken", 201);
        dose(alice, id, "2026-03-09T09:30:00", "skipped", 409);
        alice.request().body(Map.of("scheduledFor", "2026-03-10T09:30:00", "status", "taken"))
                .post(PATH + "/" + id + "/doses").then().statusCode(400).body("errors.field", hasItem("scheduledFor"));
        alice.request().body(Map.of("scheduledFor", "2026-03-16T09:30:00", "status", "skipped",
                "takenAt", "2026-03-16T09:31:00Z")).post(PATH + "/" + id + "/doses").then().statusCode(400)
                .body("errors.field", hasItem("takenAt"));
        alice.request().body(Map.of("scheduledFor", "2026-03-16T09:30:00", "status", "lost"))
                .post(PATH + "/" + id + "/doses").then().statusCode(400);
        String farAhead = LocalDateTime.now(ZoneOffset.UTC).plusDays(14).truncatedTo(ChronoUnit.DAYS).toString();
        alice.request().body(Map.of("scheduledFor", farAhead, "status", "taken")).post(PATH + "/" + id + "/doses")
                .then().statusCode(400).body("errors.field", hasItem("scheduledFor"));
        alice.request().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get(PATH + "/" + id + "/doses")
                .then().body("scheduledFor", contains("2026-03-09T09:30:00"));
    }

    @Test
    void theScheduleKeepsItsWallClockTimeAcrossDaylightSaving() {
        Api alice = Api.newUser("alice");
        // New York moves its clocks on 2026-03-08.
        UUID id = alice.create(PATH, medication("FREQ=DAILY", "2026-03-06T08:00:00", "America/New_York"));
        for (String day : new String[] {"06", "07", "08", "09"}) {
            dose(alice, id, "2026-03-" + day + "T08:00:00", "taken", 201);
        }
        alice.request().queryParam("from", "2026-03-06").queryParam("to", "2026-03-09")
                .get(PATH + "/" + id + "/adherence").then().body("scheduled", equalTo(4)).body("adherencePct", equalTo(100.0f));
    }

    @Test
    void dosesStillAheadAreNotScheduledYet() {
        Api alice = Api.newUser("alice");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.HOURS);
        UUID id = alice.create(PATH, medication("FREQ=DAILY", start.toString(), "UTC"));
        dose(alice, id, start.toString(), "taken", 201);
        alice.request().queryParam("from", start.toLocalDate().toString())
                .queryParam("to", start.toLocalDate().plusDays(9).toString()).get(PATH + "/" + id + "/adherence").then()
                .statusCode(200).body("scheduled", equalTo(3)).body("taken", equalTo(1)).body("adherencePct", equalTo(33.33f));
    }

    @Test
    void theZoneDefaultsToTheCallersAndBadSchedulesAreProblems() {
        Api alice = Api.newUser("alice");
        alice.requestInZone("Asia/Tokyo").body(medication("FREQ=DAILY;BYHOUR=7", "2026-03-01T07:00:00", null))
                .post(PATH).then().statusCode(201).body("timeZone", equalTo("Asia/Tokyo"));
        alice.request().body(medication("FREQ=SOMETIMES", "2026-03-01T07:00:00", "UTC")).post(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("scheduleRule"));
        alice.request().body(medication("FREQ=YEARLY", "2026-03-01T07:00:00", "UTC")).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("scheduleRule"));
        alice.request().body(medication("FREQ=DAILY", "2026-03-01T07:00:00", "Mars/Olympus")).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("timeZone"));
        Map<String, Object> ended = medication("FREQ=DAILY", "2026-03-01T07:00:00", "UTC");
        ended.put("endsOn", "2026-02-01");
        alice.request().body(ended).post(PATH).then().statusCode(400).body("errors.field", hasItem("endsOn"));
        alice.request().get(PATH).then().body("items.timeZone", contains("Asia/Tokyo"));
    }

    @Test
    void anotherMemberOfTheCircleSeesNoneOfIt() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        UUID id = circle[0].create(PATH, medication("FREQ=DAILY", "2026-03-01T08:00:00", "UTC"));
        dose(circle[0], id, "2026-03-01T08:00:00", "taken", 201);
        circle[1].request().get(PATH + "/" + id).then().statusCode(404);
        circle[1].request().get(PATH).then().body("items", empty());
        circle[1].request().get(PATH + "/" + id + "/adherence").then().statusCode(404);
        circle[1].request().get(PATH + "/" + id + "/doses").then().statusCode(404);
        dose(circle[1], id, "2026-03-02T08:00:00", "taken", 404);
        circle[0].request().delete(PATH + "/" + id).then().statusCode(204);
        circle[0].request().get(PATH + "/" + id).then().statusCode(404);
    }
}
