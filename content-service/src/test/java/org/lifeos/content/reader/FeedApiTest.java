package org.lifeos.content.reader;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.FeedServer;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/**
 * Followed feeds against a real RSS document served by a local HTTP server: one fetch, then 304s
 * (the conditional headers seen by the server), entries deduplicated by guid else link, the
 * scheduled job, backoff after failures, read marks, bad input and other circles.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FeedApiTest {

    private static final String SOURCES = "/api/v1/content/feed-sources";
    private static final String ITEMS = "/api/v1/content/feed-items";

    @Inject
    FeedJob job;

    private User alice;
    private FeedServer server;

    @BeforeEach
    void setUp() {
        alice = User.newUser("alice");
        server = new FeedServer("/feeds/studio-notes.rss", "\"v1\"");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFeedIsFetchedOnceThenAnswered304AndItsItemsAreNotDuplicated() {
        UUID source = alice.create(SOURCES, Map.of("url", server.url()));
        alice.request().post(SOURCES + "/" + source + "/fetch").then().statusCode(200)
                .body("outcome", equalTo("fetched")).body("httpStatus", equalTo(200)).body("newItems", equalTo(4));
        assertEquals(4, Rows.count("feed_items", alice.circle()));
        alice.request().get(SOURCES + "/" + source).then().body("title", equalTo("Studio Notes"))
                .body("failureCount", equalTo(0)).body("lastStatus", equalTo(200));

        alice.request().post(SOURCES + "/" + source + "/fetch").then().statusCode(200)
                .body("outcome", equalTo("not_modified")).body("httpStatus", equalTo(304)).body("newItems", equalTo(0));
        List<FeedServer.Seen> seen = server.seen();
        assertEquals(2, seen.size());
        assertNull(seen.get(0).ifNoneMatch(), "the first fetch is unconditional");
        assertEquals(200, seen.get(0).status());
        assertEquals("\"v1\"", seen.get(1).ifNoneMatch());
        assertEquals(FeedServer.LAST_MODIFIED, seen.get(1).ifModifiedSince());
        assertEquals(304, seen.get(1).status());
        assertEquals(4, Rows.count("feed_items", alice.circle()));

        // A new version: one new entry; the old ones (one retitled) are known by guid, or link without one.
        server.serve("/feeds/studio-notes-next.rss", "\"v2\"");
        alice.request().post(SOURCES + "/" + source + "/fetch").then().body("outcome", equalTo("fetched"))
                .body("newItems", equalTo(1));
        assertEquals(5, Rows.count("feed_items", alice.circle()));
        alice.request().queryParam("sourceId", source.toString()).get(ITEMS).then().statusCode(200)
                .body("items.title", equalTo(List.of("Pricing a custom video", "Three-point lighting in a small flat",
                        "Colour grading reels on a phone", "What a subscriber is worth",
                        "Batching a month of content in two days")))
                .body("items[2].guid", equalTo("studio-notes-2026-11-27-grading"))
                .body("items[3].guid", nullValue())
                .body("items[3].link", equalTo("https://studio-notes.example.org/posts/subscriber-value/"))
                .body("items[1].author", equalTo("Maya Ortiz"))
                .body("items[1].publishedAt", equalTo("2026-12-04T09:30:00Z"));
    }

    @Test
    void theScheduledJobFetchesDueSourcesAndWaitsTheRefreshIntervalAfterwards() {
        UUID source = alice.create(SOURCES, Map.of("url", server.url(), "title", "My studio feed"));
        assertTrue(job.runDue() >= 1);
        assertEquals(1, server.seen().size());
        assertEquals(4, Rows.count("feed_items", alice.circle()));
        Response view = alice.request().get(SOURCES + "/" + source);
        view.then().body("title", equalTo("My studio feed")).body("lastFetchedAt", notNullValue());
        Instant next = Instant.parse(view.path("nextAttemptAt"));
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(55))), "next attempt an hour later: " + next);
        // Not due again: another run leaves it alone.
        job.runDue();
        assertEquals(1, server.seen().size());
    }

    @Test
    void failuresBackOffExponentiallyAndASuccessResetsThem() {
        UUID source = alice.create(SOURCES, Map.of("url", server.url()));
        server.failWith(500);
        Instant before = Instant.now();
        Response first = alice.request().post(SOURCES + "/" + source + "/fetch");
        first.then().statusCode(200).body("outcome", equalTo("failed")).body("httpStatus", equalTo(500))
                .body("failureCount", equalTo(1)).body("error", equalTo("HTTP 500"));
        assertWait(first, before, Duration.ofMinutes(5));
        before = Instant.now();
        Response second = alice.request().post(SOURCES + "/" + source + "/fetch");
        second.then().body("failureCount", equalTo(2));
        assertWait(second, before, Duration.ofMinutes(10));
        alice.request().get(SOURCES + "/" + source).then().body("failureCount", equalTo(2))
                .body("lastError", equalTo("HTTP 500")).body("lastStatus", equalTo(500));
        assertEquals(0, Rows.count("feed_items", alice.circle()));

        server.serve("/feeds/studio-notes.rss", "\"v1\"");
        alice.request().post(SOURCES + "/" + source + "/fetch").then().body("outcome", equalTo("fetched"))
                .body("failureCount", equalTo(0));
        alice.request().get(SOURCES + "/" + source).then().body("failureCount", equalTo(0))
                .body("lastError", nullValue());
    }

    @Test
    void aDocumentThatIsNotAFeedIsAFailureNotItems() {
        UUID source = alice.create(SOURCES, Map.of("url", server.url()));
        server.serve("/feeds/not-a-feed.html", "\"html\"");
        alice.request().post(SOURCES + "/" + source + "/fetch").then().body("outcome", equalTo("failed"))
                .body("error", containsString("not an RSS or Atom document")).body("failureCount", equalTo(1));
        assertEquals(0, Rows.count("feed_items", alice.circle()));
    }

    @Test
    void itemsAreReadAndMarkedReadOrUnread() {
        UUID source = alice.create(SOURCES, Map.of("url", server.url()));
        alice.request().post(SOURCES + "/" + source + "/fetch").then().body("newItems", equalTo(4));
        String first = alice.request().get(ITEMS).path("items[0].id");
        alice.request().put(ITEMS + "/" + first + "/read").then().statusCode(200).body("read", equalTo(true));
        String readAt = alice.request().get(ITEMS + "/" + first).then().statusCode(200).extract().path("readAt");
        // Marking again keeps the first time.
        alice.request().put(ITEMS + "/" + first + "/read").then().body("readAt", equalTo(readAt));
        alice.request().queryParam("read", "false").get(ITEMS).then().body("items.id", not(hasItem(first)))
                .body("items.size()", equalTo(3));
        alice.request().queryParam("read", "true").get(ITEMS).then().body("items.id", equalTo(List.of(first)));
        alice.request().delete(ITEMS + "/" + first + "/read").then().statusCode(200).body("read", equalTo(false));
        alice.request().queryParam("read", "false").get(ITEMS).then().body("items.size()", equalTo(4));
        // Pages of two, in order, without repeats.
        List<String> seen = new ArrayList<>();
        String next = ITEMS + "?limit=2";
        while (next != null) {
            Response page = alice.request().get(next);
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertEquals(alice.request().get(ITEMS).path("items.id"), seen);
        // Deleting the source deletes its items.
        alice.request().delete(SOURCES + "/" + source).then().statusCode(204);
        assertEquals(0, Rows.count("feed_items", alice.circle()));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Map<String, Object>> cases = Map.of(
                "url", Map.of("title", "no url"),
                "title", Map.of("url", server.url(), "title", "x".repeat(501)));
        cases.forEach((field, body) -> alice.request().body(body).post(SOURCES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        for (String url : List.of("ftp://example.org/feed.xml", "feed.xml", "http://user:secret@example.org/feed",
                "javascript:alert(1)")) {
            alice.request().body(Map.of("url", url)).post(SOURCES).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("url"))
                    .body(not(containsString("Exception")));
        }
        assertEquals(0, Rows.count("feed_sources", alice.circle()));
        alice.create(SOURCES, Map.of("url", server.url()));
        alice.request().body(Map.of("url", server.url())).post(SOURCES).then().statusCode(409)
                .body("errors.field", hasItem("url"));
        assertEquals(1, Rows.count("feed_sources", alice.circle()));
        alice.request().queryParam("sourceId", "nope").get(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("sourceId"));
        alice.request().queryParam("read", "maybe").get(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("read"));
        alice.request().get(SOURCES + "/123").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void anotherCirclesUserReachesNoSourceAndNoItem() {
        UUID source = alice.create(SOURCES, Map.of("url", server.url()));
        alice.request().post(SOURCES + "/" + source + "/fetch").then().body("newItems", equalTo(4));
        String item = alice.request().get(ITEMS).path("items[0].id");
        User bob = User.newUser("bob");
        bob.request().get(SOURCES + "/" + source).then().statusCode(404).contentType("application/problem+json");
        bob.request().post(SOURCES + "/" + source + "/fetch").then().statusCode(404);
        bob.request().body(Map.of("title", "mine")).patch(SOURCES + "/" + source).then().statusCode(404);
        bob.request().delete(SOURCES + "/" + source).then().statusCode(404);
        bob.request().get(ITEMS + "/" + item).then().statusCode(404);
        bob.request().put(ITEMS + "/" + item + "/read").then().statusCode(404);
        bob.request().get(SOURCES).then().statusCode(200).body("items", empty());
        bob.request().get(ITEMS).then().statusCode(200).body("items", empty());
        // Bob may follow the same feed in his own circle: sources are per circle.
        bob.create(SOURCES, Map.of("url", server.url()));
        alice.request().get(ITEMS + "/" + item).then().body("read", equalTo(false));
        assertEquals(1, server.seen().size());
    }

    private static void assertWait(Response fetch, Instant before, Duration wait) {
        Instant next = Instant.parse(fetch.path("nextAttemptAt"));
        assertTrue(!next.isBefore(before.plus(wait)) && next.isBefore(Instant.now().plus(wait).plusSeconds(5)),
                "next attempt " + wait + " later: " + next);
    }
}
