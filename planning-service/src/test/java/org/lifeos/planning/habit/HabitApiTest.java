package org.lifeos.planning.habit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.MovableNow;
import org.lifeos.planning.time.Now;

/**
 * Habits and check-ins through the API: frequencies, one check-in per habit per day, the user's
 * local date, streaks recomputed on every change, events, bad input and isolation between circles.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HabitApiTest {

    /** 23:30 UTC on Tuesday 10 March 2026: already Wednesday 11 March (00:30) in Berlin. */
    private static final Instant LATE_TUESDAY_UTC = Instant.parse("2026-03-10T23:30:00Z");

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Health");
    }

    @Test
    void createsHabitsOfEveryFrequencyAndReadsThemBack() {
        UUID daily = alice.habit(domain, "Meditate", Map.of());
        UUID weekly = alice.habit(domain, "Long run", Map.of("frequency", "weekly",
                "frequencyConfig", Map.of("timesPerWeek", 3)));
        UUID custom = alice.habit(domain, "Gym", Map.of("frequency", "custom",
                "frequencyConfig", Map.of("daysOfWeek", List.of(5, 1, 3))));
        UUID interval = alice.habit(domain, "Water plants", Map.of("frequency", "custom",
                "frequencyConfig", Map.of("intervalDays", 3)));

        alice.request().get("/api/v1/habits/" + daily).then().statusCode(200)
                .header("ETag", startsWith("W/\""))
                .body("frequency", equalTo("daily")).body("frequencyConfig", equalTo(Map.of()))
                .body("timeOfDay", equalTo("anytime")).body("streakCurrent", equalTo(0))
                .body("streakBest", equalTo(0)).body("active", equalTo(true));
        alice.request().get("/api/v1/habits/" + weekly).then().statusCode(200)
                .body("frequencyConfig.timesPerWeek", equalTo(3));
        alice.request().get("/api/v1/habits/" + custom).then().statusCode(200)
                .body("frequencyConfig.daysOfWeek", equalTo(List.of(1, 3, 5)));
        alice.request().get("/api/v1/habits/" + interval).then().statusCode(200)
                .body("frequencyConfig.intervalDays", equalTo(3));
        alice.request().get("/api/v1/habits").then().statusCode(200)
                .body("items.size()", equalTo(4)).body("items.name", hasItem("Gym"));
    }

    @Test
    void aSecondPostForTheSameDayIsAConflictAndPutCorrectsIt() {
        standAt(LATE_TUESDAY_UTC);
        UUID habit = alice.habit(domain, "Meditate", Map.of());
        String checkIns = "/api/v1/habits/" + habit + "/check-ins";

        alice.request().body(Map.of("status", "done")).post(checkIns).then().statusCode(201)
                .header("Location", containsString("/check-ins/2026-03-10"))
                .body("date", equalTo("2026-03-10")).body("userId", equalTo(alice.user().toString()))
                .body("streakCurrent", equalTo(1));
        alice.request().body(Map.of("status", "partial")).post(checkIns).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lifeos.dev/problems/conflict"));

        alice.request().body(Map.of("status", "skipped", "notes", "ill")).put(checkIns + "/2026-03-10")
                .then().statusCode(200).body("status", equalTo("skipped")).body("notes", equalTo("ill"))
                .body("streakCurrent", equalTo(0));
        alice.request().body(Map.of("status", "skipped", "notes", "ill")).put(checkIns + "/2026-03-10")
                .then().statusCode(200).body("status", equalTo("skipped"));
        alice.request().get(checkIns).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("skipped"));
        alice.request().body(Map.of("status", "done")).put(checkIns + "/2026-03-09").then().statusCode(201);
    }

    @Test
    void aCheckInBelongsToTheUsersLocalDateNotUtcs() {
        standAt(LATE_TUESDAY_UTC);
        UUID habit = alice.habit(domain, "Meditate", Map.of());
        String checkIns = "/api/v1/habits/" + habit + "/check-ins";

        // 00:30 on Wednesday in Berlin while UTC is still Tuesday.
        alice.inZone("Europe/Berlin").request().body(Map.of("status", "done")).post(checkIns).then()
                .statusCode(201).body("date", equalTo("2026-03-11"));
        // Without a zone the day is UTC's: Tuesday, and Wednesday is still the future.
        alice.request().body(Map.of("status", "done")).post(checkIns).then().statusCode(201)
                .body("date", equalTo("2026-03-10"));
        alice.request().body(Map.of("status", "done")).put(checkIns + "/2026-03-12").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.inZone("Europe/Berlin").request().get("/api/v1/habits/" + habit).then().statusCode(200)
                .body("streakCurrent", equalTo(2));
    }

    @Test
    void lateInTheEveningWestOfUtcIsStillThatEveningsDate() {
        // 23:30 on Tuesday in Los Angeles (PDT) while UTC is already Wednesday.
        standAt(Instant.parse("2026-03-11T06:30:00Z"));
        UUID habit = alice.habit(domain, "Journal", Map.of());
        String checkIns = "/api/v1/habits/" + habit + "/check-ins";
        Api inLosAngeles = alice.inZone("America/Los_Angeles");

        inLosAngeles.request().body(Map.of("status", "done")).post(checkIns).then().statusCode(201)
                .body("date", equalTo("2026-03-10"));
        inLosAngeles.request().body(Map.of("status", "done", "date", "2026-03-11")).post(checkIns).then()
                .statusCode(400).body("errors.field", hasItem("date"));
        alice.request().body(Map.of("status", "done", "date", "2026-03-11")).post(checkIns).then()
                .statusCode(201).body("date", equalTo("2026-03-11"));
    }

    @Test
    void streaksAreRecomputedWhenCheckInsAreAddedCorrectedOrRemoved() throws Exception {
        standAt(LATE_TUESDAY_UTC);
        UUID habit = alice.habit(domain, "Stretch", Map.of());
        String checkIns = "/api/v1/habits/" + habit + "/check-ins/";

        for (String day : List.of("2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10")) {
            alice.request().body(Map.of("status", "done")).put(checkIns + day).then().statusCode(201);
        }
        assertStreak(habit, 5, 5);

        alice.request().delete(checkIns + "2026-03-08").then().statusCode(204);
        assertStreak(habit, 2, 2);
        alice.request().body(Map.of("status", "skipped")).put(checkIns + "2026-03-08").then().statusCode(201)
                .body("streakCurrent", equalTo(4)).body("streakBest", equalTo(4));
        alice.request().body(Map.of("status", "partial")).put(checkIns + "2026-03-08").then().statusCode(200)
                .body("streakCurrent", equalTo(5));
        alice.request().delete(checkIns + "2026-03-08").then().statusCode(204);
        alice.request().delete(checkIns + "2026-03-08").then().statusCode(404);

        List<String> types = new ArrayList<>();
        List<Integer> brokenFrom = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT event_type, envelope FROM outbox_events "
                     + "WHERE tenant_id = ? AND topic = 'planning.habit' ORDER BY seq")) {
            query.setObject(1, alice.circle());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                    if (rows.getString(1).equals("habit.streak_broken")) {
                        String envelope = rows.getString(2);
                        brokenFrom.add(Integer.parseInt(envelope.replaceAll(".*\"previousStreak\": ?(\\d+).*", "$1")));
                    }
                }
            }
        }
        assertEquals(List.of("habit.created", "habit.checked_in", "habit.checked_in", "habit.checked_in",
                "habit.checked_in", "habit.checked_in", "habit.streak_broken", "habit.checked_in",
                "habit.checked_in", "habit.streak_broken"), types);
        assertEquals(List.of(5, 5), brokenFrom, "each break names the streak it ended");
    }

    @Test
    void aWeeklyHabitsStreakCountsWeeks() {
        standAt(LATE_TUESDAY_UTC);
        UUID habit = alice.habit(domain, "Call parents", Map.of("frequency", "weekly"));
        String checkIns = "/api/v1/habits/" + habit + "/check-ins/";
        for (String day : List.of("2026-02-24", "2026-03-05", "2026-03-10")) {
            alice.request().body(Map.of("status", "done")).put(checkIns + day).then().statusCode(201);
        }
        assertStreak(habit, 3, 3);
        alice.request().delete(checkIns + "2026-03-05").then().statusCode(204);
        assertStreak(habit, 1, 1);
    }

    @Test
    void changingTheFrequencyRecomputesTheStreak() {
        standAt(LATE_TUESDAY_UTC);
        UUID habit = alice.habit(domain, "Gym", Map.of());
        String checkIns = "/api/v1/habits/" + habit + "/check-ins/";
        // Friday 6th, Monday 9th: broken as a daily habit, unbroken on Mon/Wed/Fri.
        for (String day : List.of("2026-03-06", "2026-03-09")) {
            alice.request().body(Map.of("status", "done")).put(checkIns + day).then().statusCode(201);
        }
        assertStreak(habit, 1, 1);
        alice.request().body(Map.of("frequency", "custom", "frequencyConfig", Map.of("daysOfWeek", List.of(1, 3, 5))))
                .patch("/api/v1/habits/" + habit).then().statusCode(200)
                .body("streakCurrent", equalTo(2)).body("streakBest", equalTo(2));
    }

    @Test
    void badHabitsAndCheckInsAreRefusedNamingTheField() {
        Api bob = Api.newUser("bob");
        UUID bobsDomain = bob.createDomain("Bob's");
        String habits = "/api/v1/habits";
        record Case(Map<String, Object> body, String field) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("domainId", domain.toString()), "name"),
                new Case(Map.of("domainId", bobsDomain.toString(), "name", "x"), "domainId"),
                new Case(Map.of("domainId", domain.toString(), "name", "x", "frequency", "hourly"), "frequency"),
                new Case(Map.of("domainId", domain.toString(), "name", "x", "frequency", "custom"), "frequencyConfig"),
                new Case(Map.of("domainId", domain.toString(), "name", "x",
                        "frequencyConfig", Map.of("timesPerWeek", 2)), "frequencyConfig"),
                new Case(Map.of("domainId", domain.toString(), "name", "x", "frequency", "custom",
                        "frequencyConfig", Map.of("timesPerWeek", 2, "intervalDays", 3)), "frequencyConfig"),
                new Case(Map.of("domainId", domain.toString(), "name", "x", "frequency", "weekly",
                        "frequencyConfig", Map.of("timesPerWeek", 8)), "frequencyConfig.timesPerWeek"),
                new Case(Map.of("domainId", domain.toString(), "name", "x", "frequency", "custom",
                        "frequencyConfig", Map.of("everyOtherDay", true)), "frequencyConfig.everyOtherDay"),
                new Case(Map.of("domainId", domain.toString(), "name", "x", "timeOfDay", "noon"), "timeOfDay"));
        for (Case bad : cases) {
            alice.request().body(bad.body()).post(habits).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.field()));
        }
        alice.request().body(Map.of("domainId", domain.toString(), "name", "x", "frequency", "custom",
                "frequencyConfig", Map.of("daysOfWeek", List.of(0)))).post(habits).then().statusCode(400)
                .body("errors.field[0]", startsWith("frequencyConfig.daysOfWeek"));
        alice.request().get(habits).then().statusCode(200).body("items", empty());

        UUID habit = alice.habit(domain, "Read", Map.of());
        String checkIns = habits + "/" + habit + "/check-ins";
        alice.request().body(Map.of("status", "finished")).post(checkIns).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        alice.request().body(Map.of()).post(checkIns).then().statusCode(400).body("errors.field", hasItem("status"));
        alice.request().body(Map.of("status", "done", "qualityRating", 6)).post(checkIns).then().statusCode(400)
                .body("errors.field", hasItem("qualityRating"));
        alice.request().body(Map.of("status", "done", "date", "2026-13-01")).post(checkIns).then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().body(Map.of("status", "done", "date", "2026-03-01")).put(checkIns + "/2026-03-01").then()
                .statusCode(400).body("errors.field", hasItem("date"));
        alice.request().body(Map.of("status", "done")).put(checkIns + "/yesterday").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        alice.request().body(Map.of("status", "done", "date", LocalDate.now().plusDays(2).toString()))
                .post(checkIns).then().statusCode(400).body("errors.field", hasItem("date"));
        alice.request().get(checkIns).then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherCirclesUserReachesNoHabitNorCheckIn() {
        standAt(LATE_TUESDAY_UTC);
        UUID habit = alice.habit(domain, "Meditate", Map.of());
        String path = "/api/v1/habits/" + habit;
        alice.request().body(Map.of("status", "done")).put(path + "/check-ins/2026-03-10").then().statusCode(201);
        String before = alice.request().get(path).then().statusCode(200).extract().asString();

        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("name", "mine")).patch(path).then().statusCode(404);
        bob.request().get(path + "/check-ins").then().statusCode(404);
        bob.request().get(path + "/check-ins/2026-03-10").then().statusCode(404);
        bob.request().body(Map.of("status", "skipped")).post(path + "/check-ins").then().statusCode(404);
        bob.request().body(Map.of("status", "skipped")).put(path + "/check-ins/2026-03-10").then().statusCode(404);
        bob.request().delete(path + "/check-ins/2026-03-10").then().statusCode(404);
        bob.request().get("/api/v1/habits").then().statusCode(200).body("items", empty());

        assertEquals(before, alice.request().get(path).then().statusCode(200).extract().asString());
        alice.request().get(path + "/check-ins/2026-03-10").then().statusCode(200).body("status", equalTo("done"));
    }

    @Test
    void aStreakIsReadAsOfTheUsersTodaySoMissedDaysEndItWithoutAWrite() {
        MovableNow clock = MovableNow.installAt(Instant.parse("2026-03-10T12:00:00Z"));
        UUID habit = alice.habit(domain, "Meditate", Map.of());
        String checkIns = "/api/v1/habits/" + habit + "/check-ins/";
        for (String day : List.of("2026-03-08", "2026-03-09", "2026-03-10")) {
            alice.request().body(Map.of("status", "done")).put(checkIns + day).then().statusCode(201);
        }
        assertStreak(habit, 3, 3);

        // Wednesday is still open: not having checked in yet does not end the streak.
        clock.advance(Duration.ofDays(1));
        assertStreak(habit, 3, 3);
        alice.request().queryParam("date", "2026-03-11").get("/api/v1/today").then().statusCode(200)
                .body("habits.find { it.name == 'Meditate' }.streakCurrent", equalTo(3));

        // Saturday: Wednesday to Friday were missed, and nothing was written since.
        clock.advance(Duration.ofDays(3));
        assertStreak(habit, 0, 3);
        alice.request().get("/api/v1/habits").then().statusCode(200)
                .body("items.find { it.id == '" + habit + "' }.streakCurrent", equalTo(0))
                .body("items.find { it.id == '" + habit + "' }.streakBest", equalTo(3));
        alice.request().get("/api/v1/today").then().statusCode(200)
                .body("habits.find { it.name == 'Meditate' }.streakCurrent", equalTo(0));
    }

    @Test
    void aWeeklyStreakEndsOnceAWeekPassesShortOfItsTarget() {
        MovableNow clock = MovableNow.installAt(Instant.parse("2026-03-11T12:00:00Z"));
        UUID habit = alice.habit(domain, "Long run", Map.of("frequency", "weekly",
                "frequencyConfig", Map.of("timesPerWeek", 2)));
        String checkIns = "/api/v1/habits/" + habit + "/check-ins/";
        for (String day : List.of("2026-03-02", "2026-03-04", "2026-03-09")) {
            alice.request().body(Map.of("status", "done")).put(checkIns + day).then().statusCode(201);
        }
        assertStreak(habit, 1, 1);

        // The week of 9 March ended with one run of two: the streak is over on Monday 16 March.
        clock.advance(Duration.ofDays(5));
        assertStreak(habit, 0, 1);
    }

    private void assertStreak(UUID habit, int current, int best) {
        alice.request().get("/api/v1/habits/" + habit).then().statusCode(200)
                .body("streakCurrent", equalTo(current)).body("streakBest", equalTo(best));
    }

    private static void standAt(Instant instant) {
        QuarkusMock.installMockForType(new Now() {
            @Override
            public Instant instant() {
                return instant;
            }
        }, Now.class);
    }
}
