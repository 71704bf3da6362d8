package org.lifeos.planning.task;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;

/**
 * Recurring tasks through the API: completing an occurrence makes the next one a task of its own,
 * on the rule's schedule or from the completion, skipping EXDATEs, until the rule runs out.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RecurringTaskApiTest {

    private Api alice;
    private UUID domain;

    @BeforeEach
    void aliceWithADomain() {
        alice = Api.newUser("alice");
        domain = alice.createDomain("Home");
    }

    @Test
    void completingAnOccurrenceCreatesTheNextSkippingExdatesAtTheSameWallTime() {
        UUID first = create(Map.of("title", "Water plants", "recurrenceRule", "RRULE:FREQ=DAILY",
                "scheduledDate", "2026-03-27", "scheduledTime", "09:00", "timeZone", "Europe/Berlin",
                "exdates", List.of("2026-03-29"), "dueDate", "2026-03-28"));
        alice.request().get("/api/v1/tasks/" + first).then().body("recurrenceRule", equalTo("FREQ=DAILY"))
                .body("startsAt", equalTo("2026-03-27T09:00:00+01:00")).body("seriesId", equalTo(first.toString()))
                .body("occurrenceIndex", equalTo(1));

        UUID second = complete(first);
        occurrence(second).body("scheduledDate", equalTo("2026-03-28")).body("dueDate", equalTo("2026-03-29"))
                .body("status", equalTo("todo")).body("occurrenceIndex", equalTo(2))
                .body("seriesId", equalTo(first.toString())).body("title", equalTo("Water plants"));
        UUID third = complete(second);
        occurrence(third).body("scheduledDate", equalTo("2026-03-30"))
                .body("startsAt", equalTo("2026-03-30T09:00:00+02:00"));
        alice.request().get("/api/v1/tasks/" + first).then().body("status", equalTo("done"))
                .body("scheduledDate", equalTo("2026-03-27"));
    }

    @Test
    void reopeningAndCompletingAgainDoesNotMakeASecondNextOccurrence() {
        UUID first = create(Map.of("title", "Stretch", "recurrenceRule", "FREQ=WEEKLY;BYDAY=MO,WE",
                "scheduledDate", "2026-03-02"));
        UUID second = complete(first);
        alice.request().body(Map.of("status", "todo")).patch("/api/v1/tasks/" + first).then().statusCode(200);
        alice.request().post("/api/v1/tasks/" + first + "/complete").then().statusCode(200)
                .body("nextOccurrenceId", equalTo(second.toString()));
        alice.request().queryParam("scheduledFrom", "2026-03-01").get("/api/v1/tasks").then()
                .body("items.size()", equalTo(2));
        occurrence(second).body("scheduledDate", equalTo("2026-03-04"));
    }

    @Test
    void aRuleWithNoFurtherOccurrenceEndsTheSeries() {
        UUID first = create(Map.of("title", "Twice", "recurrenceRule", "FREQ=DAILY;COUNT=2",
                "dueDate", "2026-05-01"));
        UUID second = complete(first);
        occurrence(second).body("dueDate", equalTo("2026-05-02"));
        alice.request().post("/api/v1/tasks/" + second + "/complete").then().statusCode(200)
                .body("nextOccurrenceId", nullValue());
    }

    @Test
    void repeatFromCompletionCountsFromTheDayItWasDone() {
        UUID first = create(Map.of("title", "Change filter", "recurrenceRule", "FREQ=DAILY;INTERVAL=10",
                "scheduledDate", "2020-01-01", "repeatFromCompletion", true, "timeZone", "UTC"));
        UUID second = complete(first);
        occurrence(second).body("scheduledDate", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()))
                .body("repeatFromCompletion", equalTo(true));
    }

    @Test
    void theZoneDefaultsToTheUsersOwn() {
        Api inNewYork = alice.inZone("America/New_York");
        UUID task = UUID.fromString(inNewYork.createTask(body(Map.of("title", "t", "recurrenceRule", "FREQ=DAILY",
                "scheduledDate", "2026-07-01", "scheduledTime", "08:00"))).then().statusCode(201)
                .body("timeZone", equalTo("America/New_York"))
                .body("startsAt", equalTo("2026-07-01T08:00:00-04:00")).extract().path("id"));
        alice.request().get("/api/v1/tasks/" + task).then().body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void badRecurrenceIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Map<String, Object>> cases = Map.of(
                "recurrenceRule", Map.of("recurrenceRule", "FREQ=FORTNIGHTLY", "scheduledDate", "2026-01-01"),
                "timeZone", Map.of("recurrenceRule", "FREQ=DAILY", "scheduledDate", "2026-01-01",
                        "timeZone", "Mars/Olympus"),
                "exdates", Map.of("recurrenceRule", "FREQ=DAILY", "scheduledDate", "2026-01-01",
                        "exdates", List.of("2026-02-30")));
        cases.forEach((field, extra) -> alice.createTask(body(extra)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(startsWith(field))));
        alice.createTask(body(Map.of("recurrenceRule", "FREQ=DAILY"))).then().statusCode(400)
                .body("errors.field", hasItem("recurrenceRule"));
        UUID task = alice.task(domain, "plain");
        alice.request().body(Map.of("recurrenceRule", "FREQ=DAILY;BYHOUR=99", "dueDate", "2026-01-01"))
                .patch("/api/v1/tasks/" + task).then().statusCode(400).body("errors.field", hasItem("recurrenceRule"));
        alice.request().get("/api/v1/tasks").then().body("items.size()", equalTo(1))
                .body("items[0].recurrenceRule", nullValue()).body("items[0].dueDate", nullValue());
    }

    private UUID complete(UUID task) {
        return UUID.fromString(alice.request().post("/api/v1/tasks/" + task + "/complete").then().statusCode(200)
                .body("status", equalTo("done")).extract().path("nextOccurrenceId"));
    }

    private ValidatableResponse occurrence(UUID id) {
        return alice.request().get("/api/v1/tasks/" + id).then().statusCode(200);
    }

    private UUID create(Map<String, Object> extra) {
        return UUID.fromString(alice.createTask(body(extra)).then().statusCode(201).extract().path("id"));
    }

    private Map<String, Object> body(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("domainId", domain.toString(), "title", "recurring"));
        body.putAll(extra);
        return body;
    }
}
