package org.lifeos.health.checkin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;

/**
 * Daily check-ins: one per member per day in their own time zone, PUT by date idempotent, scores
 * 1 to 5, private from the other members of a shared circle.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DailyCheckInTest {

    private static final String PATH = "/api/v1/check-ins/daily";

    @Test
    void todayIsTheCallersLocalDateAndASecondCheckInOfItIsAConflict() {
        // UTC+14 and UTC-11 are 25 hours apart: never the same date.
        Api east = Api.newUser("kiri");
        Api west = Api.newUser("pago");
        String eastToday = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString();
        String westToday = LocalDate.now(ZoneId.of("Pacific/Pago_Pago")).toString();
        east.requestInZone("Pacific/Kiritimati").body(Map.of("mood", 4)).post(PATH).then().statusCode(201)
                .body("date", equalTo(eastToday));
        west.requestInZone("Pacific/Pago_Pago").body(Map.of("mood", 2)).post(PATH).then().statusCode(201)
                .body("date", equalTo(westToday));
        east.requestInZone("Pacific/Kiritimati").body(Map.of("energy", 1)).post(PATH).then().statusCode(409);
        // West's today is east's yesterday: a day after west's today is refused.
        west.requestInZone("Pacific/Pago_Pago").body(Map.of("date", eastToday, "mood", 3)).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("date"));
        east.request().get(PATH + "/" + eastToday).then().statusCode(200).body("mood", equalTo(4))
                .body("energy", nullValue());
    }

    @Test
    void putByDateCreatesThenReplacesAndRepeatingItChangesNothing() {
        Api alice = Api.newUser("alice");
        Map<String, Object> day = Map.of("mood", 3, "energy", 4, "sleepQuality", 2, "notes", "woke at 4");
        alice.request().body(day).put(PATH + "/2026-03-01").then().statusCode(201)
                .body("sleepQuality", equalTo(2)).header("Location", org.hamcrest.Matchers.endsWith(PATH + "/2026-03-01"));
        long version = alice.request().body(day).put(PATH + "/2026-03-01").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        alice.request().body(day).put(PATH + "/2026-03-01").then().statusCode(200).body("version", equalTo((int) version));
        String etag = alice.request().get(PATH + "/2026-03-01").header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("mood", 5)).put(PATH + "/2026-03-01").then()
                .statusCode(200).body("mood", equalTo(5)).body("notes", nullValue());
        alice.request().header("If-Match", etag).body(Map.of("mood", 1)).put(PATH + "/2026-03-01").then()
                .statusCode(412);
        alice.request().body(Map.of("mood", 2)).put(PATH + "/2026-02-28").then().statusCode(201);
        alice.request().get(PATH).then().statusCode(200).body("items.date", contains("2026-03-01", "2026-02-28"));
        alice.request().queryParam("from", "2026-03-01").get(PATH).then().body("items.date", contains("2026-03-01"));
        alice.request().delete(PATH + "/2026-02-28").then().statusCode(204);
        alice.request().get(PATH + "/2026-02-28").then().statusCode(404);
    }

    @Test
    void badScoresAndDatesAreProblemsNamingTheFieldAndWriteNothing() {
        Api alice = Api.newUser("alice");
        alice.request().body(Map.of("mood", 6)).put(PATH + "/2026-03-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("mood"));
        alice.request().body(Map.of("sleepQuality", 0)).put(PATH + "/2026-03-01").then().statusCode(400)
                .body("errors.field", hasItem("sleepQuality"));
        alice.request().body(Map.of()).put(PATH + "/2026-03-01").then().statusCode(400);
        alice.request().body(Map.of("mood", 3)).put(PATH + "/2026-02-30").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().body(Map.of("mood", 3)).put(PATH + "/" + LocalDate.now().plusDays(3)).then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().get(PATH).then().body("items", empty());
    }

    @Test
    void anotherMemberOfTheCircleSeesNoneAndHasADayOfTheirOwn() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        circle[0].request().body(Map.of("mood", 1, "notes", "bad day")).put(PATH + "/2026-03-01").then().statusCode(201);
        circle[1].request().get(PATH + "/2026-03-01").then().statusCode(404);
        circle[1].request().get(PATH).then().body("items", empty());
        circle[1].request().body(Map.of("mood", 5)).put(PATH + "/2026-03-01").then().statusCode(201);
        circle[0].request().get(PATH + "/2026-03-01").then().body("mood", equalTo(1));
        assertEquals(5, circle[1].request().get(PATH + "/2026-03-01").then().extract().jsonPath().getInt("mood"));
    }
}
