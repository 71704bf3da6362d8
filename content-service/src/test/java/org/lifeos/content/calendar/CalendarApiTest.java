package org.lifeos.content.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Access;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/** The content calendar: CRUD, the status path, the user's zone, filters, paging, bad input, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarApiTest {

    private static final String CALENDAR = "/api/v1/content/calendar";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void anEntryIsCreatedReadChangedAndDeletedWithItsETag() {
        Response created = alice.request().body(Map.of("title", " Studio reel ", "contentType", "video",
                "platform", "instagram", "scheduledDate", "2026-12-10", "scheduledTime", "18:00",
                "timeZone", "Europe/Berlin", "notes", "ring light")).post(CALENDAR);
        created.then().statusCode(201).header("ETag", "W/\"0\"").header("Location", containsString(CALENDAR + "/"))
                .body("title", equalTo("Studio reel")).body("status", equalTo("idea"))
                .body("contentType", equalTo("video")).body("platform", equalTo("instagram"))
                .body("scheduledAt", equalTo("2026-12-10T18:00:00+01:00"));
        String path = CALENDAR + "/" + created.path("id");
        alice.request().get(path).then().statusCode(200).header("ETag", "W/\"0\"").body("notes", equalTo("ring light"));

        alice.request().header("If-Match", "W/\"0\"").body(Map.of("status", "planned", "notes", "two lights"))
                .patch(path).then().statusCode(200).header("ETag", "W/\"1\"").body("status", equalTo("planned"))
                .body("notes", equalTo("two lights")).body("title", equalTo("Studio reel"));
        // A stale If-Match changes nothing.
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("title", "stale")).patch(path).then()
                .statusCode(412).contentType("application/problem+json");
        alice.request().header("If-Match", "W/\"0\"").delete(path).then().statusCode(412);
        alice.request().get(path).then().body("title", equalTo("Studio reel")).body("version", equalTo(1));

        alice.request().header("If-Match", "W/\"1\"").delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404).contentType("application/problem+json");
        alice.request().delete(path).then().statusCode(404);
    }

    @Test
    void theScheduledTimeIsInTheUsersZoneUnlessTheEntryNamesOne() {
        User tokyo = alice.inZone("Asia/Tokyo");
        tokyo.request().body(Map.of("title", "Story", "contentType", "story", "scheduledDate", "2026-07-01",
                "scheduledTime", "09:30")).post(CALENDAR).then().statusCode(201)
                .body("timeZone", equalTo("Asia/Tokyo")).body("scheduledAt", equalTo("2026-07-01T09:30:00+09:00"));
        alice.request().body(Map.of("title", "Post", "contentType", "post", "scheduledDate", "2026-07-01"))
                .post(CALENDAR).then().statusCode(201).body("timeZone", equalTo("UTC"))
                .body("scheduledAt", nullValue());
    }

    @Test
    void statusMovesOneStepForwardAndAnyOtherMoveIsAConflictNamingBothStates() {
        UUID id = alice.create(CALENDAR, Map.of("title", "Set", "contentType", "photo_set",
                "scheduledDate", "2026-12-12"));
        String path = CALENDAR + "/" + id;
        alice.request().body(Map.of("status", "scheduled")).patch(path).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("idea")).body("detail", containsString("scheduled"))
                .body("errors.field", hasItem("status"));
        for (String next : List.of("planned", "created", "scheduled", "published")) {
            alice.request().body(Map.of("status", next)).patch(path).then().statusCode(200)
                    .body("status", equalTo(next));
        }
        alice.request().body(Map.of("status", "idea")).patch(path).then().statusCode(409)
                .body("detail", containsString("published")).body("detail", containsString("idea"));
        alice.request().body(Map.of("status", "scheduled")).patch(path).then().statusCode(409);
        alice.request().get(path).then().body("status", equalTo("published")).body("version", equalTo(4));
    }

    @Test
    void listsFilterByStatusPlatformAndDateRangeAndPageWithoutRepeats() {
        UUID early = alice.create(CALENDAR, Map.of("title", "A", "contentType", "post", "platform", "x",
                "scheduledDate", "2026-12-01"));
        UUID mid = alice.create(CALENDAR, Map.of("title", "B", "contentType", "video", "platform", "youtube",
                "scheduledDate", "2026-12-15", "status", "planned"));
        UUID late = alice.create(CALENDAR, Map.of("title", "C", "contentType", "video", "platform", "youtube",
                "scheduledDate", "2027-01-05"));
        UUID undated = alice.create(CALENDAR, Map.of("title", "D", "contentType", "story"));

        alice.request().get(CALENDAR).then().statusCode(200)
                .body("items.id", equalTo(List.of(early.toString(), mid.toString(), late.toString(),
                        undated.toString())));
        alice.request().queryParam("platform", "youtube").get(CALENDAR).then()
                .body("items.id", equalTo(List.of(mid.toString(), late.toString())));
        alice.request().queryParam("status", "planned").get(CALENDAR).then()
                .body("items.id", equalTo(List.of(mid.toString())));
        alice.request().queryParam("from", "2026-12-02").queryParam("to", "2026-12-31").get(CALENDAR).then()
                .body("items.id", equalTo(List.of(mid.toString())));

        List<String> seen = new ArrayList<>();
        String next = CALENDAR + "?limit=1";
        while (next != null) {
            Response page = alice.request().get(next);
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertEquals(List.of(early.toString(), mid.toString(), late.toString(), undated.toString()), seen);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("title", Map.of("contentType", "post"));
        cases.put("contentType", Map.of("title", "x", "contentType", "reel"));
        cases.put("platform", Map.of("title", "x", "contentType", "post", "platform", "myspace"));
        cases.put("status", Map.of("title", "x", "contentType", "post", "status", "done"));
        cases.put("scheduledDate", Map.of("title", "x", "contentType", "post", "scheduledDate", "2026-02-30"));
        cases.put("scheduledTime", Map.of("title", "x", "contentType", "post", "scheduledDate", "2026-02-03",
                "scheduledTime", "25:00"));
        cases.put("timeZone", Map.of("title", "x", "contentType", "post", "timeZone", "Mars/Olympus"));
        cases.put("domainId", Map.of("title", "x", "contentType", "post", "domainId", "not-a-uuid"));
        cases.put("colour", Map.of("title", "x", "contentType", "post", "colour", "red"));
        cases.forEach((field, body) -> alice.request().body(body).post(CALENDAR).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Exception"))));
        // A time without a date, or a scheduled entry without a date, names scheduledDate.
        alice.request().body(Map.of("title", "x", "contentType", "post", "scheduledTime", "10:00")).post(CALENDAR)
                .then().statusCode(400).body("errors.field", hasItem("scheduledDate"));
        alice.request().body(Map.of("title", "x", "contentType", "post", "status", "scheduled")).post(CALENDAR)
                .then().statusCode(400).body("errors.field", hasItem("scheduledDate"));
        assertEquals(0, Rows.count("content_calendar", alice.circle()));

        for (String[] query : List.of(new String[] {"status", "done"}, new String[] {"platform", "myspace"},
                new String[] {"from", "2026-13-01"}, new String[] {"cursor", "garbage"})) {
            alice.request().queryParam(query[0], query[1]).get(CALENDAR).then().statusCode(400)
                    .body("errors.field", hasItem(query[0]));
        }
        alice.request().queryParam("from", "2026-12-10").queryParam("to", "2026-12-01").get(CALENDAR).then()
                .statusCode(400).body("errors.field", hasItem("to"));
        alice.request().get(CALENDAR + "/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));

        UUID id = alice.create(CALENDAR, Map.of("title", "Keep", "contentType", "post"));
        alice.request().body(Map.of("title", "")).patch(CALENDAR + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        alice.request().get(CALENDAR + "/" + id).then().body("title", equalTo("Keep")).body("version", equalTo(0));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID id = alice.create(CALENDAR, Map.of("title", "Mine", "contentType", "post"));
        String path = CALENDAR + "/" + id;
        User bob = User.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "hijacked")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(CALENDAR).then().statusCode(200).body("items", empty());

        Access.setRole(bob.id(), alice.circle(), "visitor");
        User visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("title", equalTo("Mine"));
        visitor.request().body(Map.of("title", "changed")).patch(path).then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        visitor.request().body(Map.of("title", "v", "contentType", "post")).post(CALENDAR).then().statusCode(403);
        alice.request().get(path).then().body("title", equalTo("Mine")).body("version", equalTo(0));
    }
}
