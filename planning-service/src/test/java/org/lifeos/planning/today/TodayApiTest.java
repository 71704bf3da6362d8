package org.lifeos.planning.today;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
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

/** Today: plan, blocks, tasks scheduled or due (overdue first), habits due, quick wins that fit. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TodayApiTest {

    private static final String DAY = "2026-03-10"; // a Tuesday

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Home");
    }

    @Test
    void theDayHasItsPlanBlocksTasksHabitsAndQuickWins() {
        UUID overdue = task(Map.of("title", "Overdue", "dueDate", "2026-03-08"));
        UUID dueToday = task(Map.of("title", "Due today", "dueDate", DAY, "priority", "high"));
        UUID early = task(Map.of("title", "At eight", "scheduledDate", DAY, "scheduledTime", "08:00"));
        task(Map.of("title", "Tomorrow", "scheduledDate", "2026-03-11"));
        task(Map.of("title", "Done already", "scheduledDate", DAY, "status", "done"));
        UUID deleted = task(Map.of("title", "Deleted", "scheduledDate", DAY));
        alice.request().delete("/api/v1/tasks/" + deleted).then().statusCode(204);
        UUID quick = task(Map.of("title", "Reply to Sam", "quickWin", true, "estimatedMinutes", 10, "priority", "high"));
        task(Map.of("title", "Too long", "quickWin", true, "estimatedMinutes", 500, "priority", "critical"));
        UUID tiny = task(Map.of("title", "Bin day", "quickWin", true, "priority", "low"));

        block("09:00", "12:00");
        block("13:00", "17:00");
        alice.request().body(Map.of("energyLevel", "high", "morningIntention", "Ship it")).put("/api/v1/daily-plans/" + DAY)
                .then().statusCode(201);
        UUID daily = alice.habit(domain, "Read", Map.of("frequency", "daily"));
        UUID tuesdays = alice.habit(domain, "Gym", Map.of("frequency", "custom",
                "frequencyConfig", Map.of("daysOfWeek", List.of(2))));
        alice.habit(domain, "Mondays only", Map.of("frequency", "custom",
                "frequencyConfig", Map.of("daysOfWeek", List.of(1))));
        alice.request().body(Map.of("status", "done")).put("/api/v1/habits/" + daily + "/check-ins/" + DAY)
                .then().statusCode(201);

        alice.request().queryParam("date", DAY).get("/api/v1/today").then().statusCode(200)
                .body("date", equalTo(DAY))
                .body("dailyPlan.morningIntention", equalTo("Ship it"))
                .body("timeBlocks.startTime", equalTo(List.of("09:00:00", "13:00:00")))
                .body("tasks.task.id", equalTo(List.of(overdue.toString(), early.toString(), dueToday.toString())))
                .body("tasks.overdue", equalTo(List.of(true, false, false)))
                .body("habits.name", equalTo(List.of("Gym", "Read")))
                .body("habits.find { it.name == 'Read' }.checkIn", equalTo("done"))
                .body("habits.find { it.name == 'Gym' }.checkIn", nullValue())
                .body("habits.find { it.name == 'Gym' }.habitId", equalTo(tuesdays.toString()))
                .body("freeMinutes", equalTo(60))
                .body("quickWins.id", equalTo(List.of(quick.toString(), tiny.toString())));
    }

    @Test
    void todayIsTheUsersDateInTheirTimeZone() {
        String zone = "Pacific/Kiritimati"; // UTC+14: often a day ahead of UTC
        alice.inZone(zone).request().get("/api/v1/today").then().statusCode(200)
                .body("date", equalTo(LocalDate.now(ZoneId.of(zone)).toString()))
                .body("timeZone", equalTo(zone))
                .body("dailyPlan", nullValue()).body("freeMinutes", equalTo(480));
    }

    @Test
    void aBadDateIsA400AndAnotherCirclesTasksStayOut() {
        alice.request().queryParam("date", "2026-02-30").get("/api/v1/today").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("date"));
        task(Map.of("title", "Alice's", "scheduledDate", DAY));
        Api bob = Api.newUser("bob");
        bob.request().queryParam("date", DAY).get("/api/v1/today").then().statusCode(200)
                .body("tasks.size()", equalTo(0)).body("quickWins.size()", equalTo(0));
    }

    private void block(String start, String end) {
        alice.request().body(Map.of("title", "Busy", "date", DAY, "startTime", start, "endTime", end,
                "blockType", "work")).post("/api/v1/time-blocks").then().statusCode(201);
    }

    private UUID task(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("domainId", domain.toString()));
        body.putAll(extra);
        return UUID.fromString(alice.createTask(body).then().statusCode(201).extract().path("id"));
    }
}
