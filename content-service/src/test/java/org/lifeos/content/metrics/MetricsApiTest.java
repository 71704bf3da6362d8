package org.lifeos.content.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/**
 * Daily metrics: idempotent upserts, revenue on content.revenue once per change with a stable id,
 * totals and engagement rates (null without views), top lists, bad input, isolation.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MetricsApiTest {

    private static final String ITEMS = "/api/v1/content/items";

    private User alice;
    private UUID item;

    @BeforeEach
    void aliceWithAnItem() {
        alice = User.newUser("alice");
        item = alice.create(ITEMS, Map.of("platform", "onlyfans", "contentType", "photo_set", "title", "Set 1",
                "publishedDate", "2026-12-01"));
    }

    @Test
    void theSameDayPushedTwiceChangesNothingAndPublishesNothingMore() {
        String day = ITEMS + "/" + item + "/metrics/2026-12-02";
        Map<String, Object> body = Map.of("views", 1000, "likes", 50, "comments", 10, "shares", 5, "saves", 15,
                "subscribersGained", 3, "revenue", "42.5", "currency", "EUR", "swipeRate", 38.5);
        alice.request().body(body).put(day).then().statusCode(201).header("ETag", "W/\"0\"")
                .body("revenue", equalTo("42.5000")).body("currency", equalTo("EUR"))
                .body("engagementRate", equalTo(0.08f));
        alice.request().body(body).put(day).then().statusCode(200).header("ETag", "W/\"0\"").body("version", equalTo(0));
        // The same amount written differently is the same amount.
        Map<String, Object> same = new HashMap<>(body);
        same.put("revenue", "42.5000");
        alice.request().body(same).put(day).then().statusCode(200).header("ETag", "W/\"0\"");
        assertEquals(1, Rows.count("content_metrics", alice.circle()));
        List<String> events = Rows.outbox(alice.circle(), "content.revenue");
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).contains("\"amount\": \"42.5000\"") || events.get(0).contains("\"amount\":\"42.5000\""),
                events.get(0));
        String revenueId = MetricsService.revenueId(alice.circle(), item, LocalDate.of(2026, 12, 2)).toString();
        assertTrue(events.get(0).contains(revenueId), events.get(0));

        // A change of views only is a new version but not a revenue event.
        Map<String, Object> moreViews = new HashMap<>(body);
        moreViews.put("views", 1100);
        alice.request().body(moreViews).put(day).then().statusCode(200).header("ETag", "W/\"1\"");
        assertEquals(1, Rows.outbox(alice.circle(), "content.revenue").size());

        // A corrected revenue is one more event with the same revenueId.
        Map<String, Object> corrected = new HashMap<>(moreViews);
        corrected.put("revenue", "40.00");
        alice.request().header("If-Match", "W/\"1\"").body(corrected).put(day).then().statusCode(200)
                .body("revenue", equalTo("40.0000"));
        alice.request().body(corrected).put(day).then().statusCode(200).header("ETag", "W/\"2\"");
        events = Rows.outbox(alice.circle(), "content.revenue");
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(1).contains(revenueId) && events.get(1).contains("40.0000"), events.get(1));
        // A stale If-Match is refused and changes nothing.
        alice.request().header("If-Match", "W/\"0\"").body(body).put(day).then().statusCode(412);

        // Revenue taken back is announced as zero, once.
        alice.request().body(Map.of("views", 1100)).put(day).then().statusCode(200).body("revenue", nullValue());
        alice.request().body(Map.of("views", 1100)).put(day).then().statusCode(200);
        events = Rows.outbox(alice.circle(), "content.revenue");
        assertEquals(3, events.size(), events.toString());
        assertTrue(events.get(2).contains("0.0000") && events.get(2).contains("EUR"), events.get(2));

        // Another day of the same item has another revenueId; a day without revenue publishes nothing.
        alice.request().body(Map.of("views", 10, "revenue", "1", "currency", "EUR"))
                .put(ITEMS + "/" + item + "/metrics/2026-12-03").then().statusCode(201);
        alice.request().body(Map.of("views", 10)).put(ITEMS + "/" + item + "/metrics/2026-12-04").then()
                .statusCode(201);
        events = Rows.outbox(alice.circle(), "content.revenue");
        assertEquals(4, events.size(), events.toString());
        assertNotEquals(revenueId, MetricsService.revenueId(alice.circle(), item, LocalDate.of(2026, 12, 3)).toString());
        assertTrue(events.get(3).contains(MetricsService.revenueId(alice.circle(), item, LocalDate.of(2026, 12, 3))
                .toString()), events.get(3));
    }

    @Test
    void totalsSumTheDaysAndAZeroViewDayHasNoEngagementRate() {
        String metrics = ITEMS + "/" + item + "/metrics/";
        alice.request().body(Map.of("likes", 3)).put(metrics + "2026-12-01").then().statusCode(201)
                .body("views", equalTo(0)).body("engagementRate", nullValue());
        alice.request().get(ITEMS + "/" + item + "/totals").then().statusCode(200).body("engagementRate", nullValue())
                .body("likes", equalTo(3)).body("days", equalTo(1));
        alice.request().body(Map.of("views", 200, "likes", 10, "comments", 4, "shares", 2, "saves", 1,
                "subscribersGained", -2, "revenue", "10.10", "currency", "EUR")).put(metrics + "2026-12-02")
                .then().statusCode(201);
        alice.request().body(Map.of("views", 100, "likes", 5, "revenue", "5", "currency", "USD"))
                .put(metrics + "2026-12-03").then().statusCode(201);
        alice.request().body(Map.of("views", 100, "revenue", "0.0001", "currency", "EUR"))
                .put(metrics + "2026-12-04").then().statusCode(201);

        alice.request().get(ITEMS + "/" + item + "/totals").then().statusCode(200).body("days", equalTo(4))
                .body("views", equalTo(400)).body("likes", equalTo(18)).body("subscribersGained", equalTo(-2))
                // (18 + 4 + 2 + 1) / 400
                .body("engagementRate", equalTo(0.0625f))
                .body("revenue.currency", equalTo(List.of("EUR", "USD")))
                .body("revenue.amount", equalTo(List.of("10.1001", "5.0000")));
        alice.request().queryParam("from", "2026-12-02").queryParam("to", "2026-12-02")
                .get(ITEMS + "/" + item + "/totals").then().body("days", equalTo(1)).body("views", equalTo(200))
                .body("revenue.amount", equalTo(List.of("10.1000")));
        alice.request().get(ITEMS + "/" + item + "/metrics").then().statusCode(200)
                .body("items.date", equalTo(List.of("2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04")));
        alice.request().get(ITEMS + "/" + item + "/metrics?limit=3").then()
                .body("items.date", equalTo(List.of("2026-12-01", "2026-12-02", "2026-12-03")))
                .body("next", containsString("cursor="));
        alice.request().get(metrics + "2026-12-02").then().statusCode(200).body("revenue", equalTo("10.1000"));
        alice.request().get(metrics + "2026-11-30").then().statusCode(404);
    }

    @Test
    void topItemsRankByEngagementRateOrByRevenueInOneCurrency() {
        UUID loud = alice.create(ITEMS, Map.of("platform", "tiktok", "contentType", "video", "title", "Loud"));
        UUID quiet = alice.create(ITEMS, Map.of("platform", "youtube", "contentType", "video", "title", "Quiet"));
        UUID unseen = alice.create(ITEMS, Map.of("platform", "blog", "contentType", "article", "title", "Unseen"));
        put(item, "2026-12-05", Map.of("views", 100, "likes", 10, "revenue", "100", "currency", "EUR"));
        put(loud, "2026-12-05", Map.of("views", 100, "likes", 50, "revenue", "20", "currency", "EUR"));
        put(quiet, "2026-12-06", Map.of("views", 1000, "likes", 1, "revenue", "500", "currency", "USD"));
        put(unseen, "2026-12-06", Map.of("likes", 1));
        put(loud, "2026-11-01", Map.of("views", 1, "likes", 0, "revenue", "999", "currency", "EUR"));

        String top = "/api/v1/content/top";
        alice.request().queryParam("by", "engagement").queryParam("from", "2026-12-01").queryParam("to", "2026-12-31")
                .get(top).then().statusCode(200)
                .body("items.itemId", equalTo(List.of(loud.toString(), item.toString(), quiet.toString())))
                .body("items[0].engagementRate", equalTo(0.5f)).body("items[0].title", equalTo("Loud"));
        alice.request().queryParam("by", "revenue").queryParam("currency", "EUR").queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-31").get(top).then().statusCode(200)
                .body("items.itemId", equalTo(List.of(item.toString(), loud.toString())))
                .body("items[0].revenue.amount", equalTo("100.0000")).body("items[0].revenue.currency", equalTo("EUR"));
        alice.request().queryParam("by", "revenue").queryParam("currency", "EUR").get(top).then()
                .body("items.itemId", equalTo(List.of(loud.toString(), item.toString())));
        alice.request().queryParam("by", "engagement").queryParam("platform", "youtube").queryParam("limit", 1)
                .get(top).then().body("items.itemId", equalTo(List.of(quiet.toString())));

        alice.request().get(top).then().statusCode(400).body("errors.field", hasItem("by"));
        alice.request().queryParam("by", "views").get(top).then().statusCode(400).body("errors.field", hasItem("by"));
        alice.request().queryParam("by", "revenue").get(top).then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        alice.request().queryParam("by", "revenue").queryParam("currency", "EURO").get(top).then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        alice.request().queryParam("by", "engagement").queryParam("limit", 0).get(top).then().statusCode(400)
                .body("errors.field", hasItem("limit"));

        User bob = User.newUser("bob");
        bob.request().queryParam("by", "engagement").get(top).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void badDaysAreRefusedNamingTheFieldAndWriteNothing() {
        String day = ITEMS + "/" + item + "/metrics/2026-12-02";
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("views", Map.of("views", -1));
        cases.put("likes", Map.of("likes", 1.5));
        cases.put("revenue", Map.of("revenue", 12.5, "currency", "EUR"));
        cases.put("currency", Map.of("revenue", "12.50"));
        cases.put("swipeRate", Map.of("swipeRate", 101));
        cases.put("saved", Map.of("saved", 1));
        cases.forEach((field, body) -> alice.request().body(body).put(day).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Exception"))));
        for (String revenue : List.of("12.12345", "-1", "1e3", "abc")) {
            alice.request().body(Map.of("revenue", revenue, "currency", "EUR")).put(day).then().statusCode(400)
                    .body("errors.field", hasItem("revenue"));
        }
        alice.request().body(Map.of("revenue", "1", "currency", "XYZ")).put(day).then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        alice.request().body(Map.of("views", 1)).put(ITEMS + "/" + item + "/metrics/2026-02-30").then()
                .statusCode(400).body("errors.field", hasItem("date"));
        alice.request().body(Map.of("views", 1)).put(ITEMS + "/" + UUID.randomUUID() + "/metrics/2026-12-02").then()
                .statusCode(404);
        assertEquals(0, Rows.count("content_metrics", alice.circle()));
        assertEquals(0, Rows.outbox(alice.circle(), "content.revenue").size());
    }

    @Test
    void anotherCirclesUserCannotReadOrPushMetrics() {
        put(item, "2026-12-02", Map.of("views", 5, "revenue", "3", "currency", "EUR"));
        User bob = User.newUser("bob");
        bob.request().body(Map.of("views", 999)).put(ITEMS + "/" + item + "/metrics/2026-12-02").then().statusCode(404);
        bob.request().get(ITEMS + "/" + item + "/metrics/2026-12-02").then().statusCode(404);
        bob.request().get(ITEMS + "/" + item + "/metrics").then().statusCode(404);
        bob.request().get(ITEMS + "/" + item + "/totals").then().statusCode(404);
        alice.request().get(ITEMS + "/" + item + "/metrics/2026-12-02").then().body("views", equalTo(5));
        assertEquals(0, Rows.outbox(bob.circle(), "content.revenue").size());
        assertEquals(1, Rows.outbox(alice.circle(), "content.revenue").size());
    }

    private void put(UUID itemId, String date, Map<String, Object> body) {
        alice.request().body(body).put(ITEMS + "/" + itemId + "/metrics/" + date).then().statusCode(201);
    }
}
