package org.lifeos.content.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/** The secret iCalendar feed: readable without a token, parseable, revocable, private to its circle and maker. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarFeedTest {

    private static final String FEEDS = "/api/v1/content/calendar-feeds";
    private static final String CALENDAR = "/api/v1/content/calendar";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void theSecretUrlServesTheCalendarAsICalendarUntilRevoked() throws Exception {
        UUID timed = alice.create(CALENDAR, Map.of("title", "Studio reel", "contentType", "video",
                "platform", "instagram", "scheduledDate", "2026-12-10", "scheduledTime", "18:00",
                "timeZone", "Europe/Berlin"));
        UUID allDay = alice.create(CALENDAR, Map.of("title", "Photo set", "contentType", "photo_set",
                "scheduledDate", "2026-12-11"));
        alice.create(CALENDAR, Map.of("title", "Someday", "contentType", "post"));

        Response made = alice.request().body(Map.of("name", "phone")).post(FEEDS);
        made.then().statusCode(201).header("Cache-Control", "no-store").body("name", equalTo("phone"))
                .body("url", containsString("/public/v1/content-calendar/" + alice.circle() + "/"));
        String path = URI.create(made.path("url")).getPath();

        String ics = given().get(path).then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size(), ics);
        VEvent reel = events.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith(timed.toString()))
                .findFirst().orElseThrow();
        assertEquals("Studio reel", reel.getSummary().getValue());
        assertTrue(reel.getDescription().getValue().contains("video on instagram"), ics);
        // 18:00 in Berlin in December is 17:00 UTC; an entry without a time is an all-day event.
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("DTSTART:20261210T170000Z"), ics);
        assertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261211"), ics);
        assertTrue(events.stream().anyMatch(e -> e.getUid().orElseThrow().getValue().startsWith(allDay.toString())));

        UUID feed = UUID.fromString(made.path("id"));
        alice.request().get(FEEDS).then().statusCode(200).body("items.id", equalTo(List.of(feed.toString())))
                .body("items[0].revoked", equalTo(false)).body(not(containsString(path.substring(path.lastIndexOf('/') + 1))));
        alice.request().delete(FEEDS + "/" + feed).then().statusCode(204);
        alice.request().delete(FEEDS + "/" + feed).then().statusCode(204);
        given().get(path).then().statusCode(404);
        alice.request().get(FEEDS).then().body("items[0].revoked", equalTo(true));
    }

    @Test
    void aWrongSecretOrCircleIsA404AndOthersCannotSeeOrRevokeTheFeed() {
        alice.create(CALENDAR, Map.of("title", "Mine", "contentType", "post", "scheduledDate", "2026-12-10"));
        Response made = alice.request().post(FEEDS);
        made.then().statusCode(201);
        String path = URI.create(made.path("url")).getPath();
        String secret = path.substring(path.lastIndexOf('/') + 1);
        given().get(path).then().statusCode(200);

        User bob = User.newUser("bob");
        // The secret only opens the circle it was made in.
        given().get("/public/v1/content-calendar/" + bob.circle() + "/" + secret).then().statusCode(404);
        given().get("/public/v1/content-calendar/" + alice.circle() + "/" + "A".repeat(43)).then().statusCode(404);
        given().get("/public/v1/content-calendar/" + alice.circle() + "/short").then().statusCode(404);
        given().get("/public/v1/content-calendar/not-a-circle/" + secret).then().statusCode(404);
        // Bob's own feed shows Bob's (empty) calendar, never Alice's entries.
        String bobs = URI.create(bob.request().post(FEEDS).then().statusCode(201).extract().<String>path("url")).getPath();
        String bobsIcs = given().get(bobs).then().statusCode(200).extract().asString();
        assertTrue(!bobsIcs.contains("Mine") && !bobsIcs.contains("VEVENT"), bobsIcs);

        UUID feed = UUID.fromString(made.path("id"));
        bob.request().delete(FEEDS + "/" + feed).then().statusCode(404);
        bob.request().get(FEEDS).then().body("items.id", not(org.hamcrest.Matchers.hasItem(feed.toString())));
        given().get(path).then().statusCode(200);
        alice.request().delete(FEEDS + "/" + UUID.randomUUID()).then().statusCode(404);
        alice.request().body(Map.of("name", "x".repeat(101))).post(FEEDS).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("name"));
        bob.request().get(FEEDS).then().body("items.size()", equalTo(1));
        given().get(FEEDS).then().statusCode(401);
        alice.request().get(FEEDS + "?cursor=bad").then().statusCode(400);
        alice.request().get(FEEDS).then().body("items", not(empty()));
    }
}
