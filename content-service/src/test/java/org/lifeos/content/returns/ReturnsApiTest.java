package org.lifeos.content.returns;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.FakePlanning;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/** Time spent (from planning's TaskMinutes, served by a fake) against revenue and engagement, per item and platform. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReturnsApiTest {

    private static final String ITEMS = "/api/v1/content/items";
    private static final String RETURNS = "/api/v1/content/returns";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @AfterEach
    void planningUp() {
        FakePlanning.down(false);
    }

    @Test
    void minutesSitNextToRevenueAndEngagementWithRevenuePerHour() {
        UUID shoot = UUID.randomUUID();
        UUID edit = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        FakePlanning.spent(alice.circle(), shoot, 90);
        FakePlanning.spent(alice.circle(), edit, 30);
        UUID video = item("onlyfans", "2026-12-01", List.of(shoot, edit));
        UUID teaser = item("onlyfans", "2026-12-02", List.of(shoot));
        UUID reel = item("instagram", "2026-12-03", List.of(unknown));
        item("instagram", "2026-11-30", List.of(edit));   // published before the period
        day(video, "2026-12-01", Map.of("views", 1000, "likes", 80, "comments", 20, "revenue", "100.00", "currency", "EUR"));
        day(video, "2026-12-05", Map.of("views", 500, "likes", 10, "revenue", "20.5", "currency", "USD"));
        day(teaser, "2026-12-02", Map.of("views", 200, "likes", 20, "revenue", "15", "currency", "EUR"));
        day(reel, "2026-12-03", Map.of("views", 0));

        alice.request().queryParam("from", "2026-12-01").queryParam("to", "2026-12-31").get(RETURNS).then()
                .statusCode(200)
                .body("items.itemId", equalTo(List.of(video.toString(), teaser.toString(), reel.toString())))
                // 90 + 30 minutes = 2 h: 100 EUR → 50/h, 20.5 USD → 10.25/h.
                .body("items[0].minutesSpent", equalTo(120)).body("items[0].views", equalTo(1500))
                .body("items[0].engagementRate", equalTo(0.0733f))
                .body("items[0].revenue", equalTo(List.of(
                        Map.of("amount", "100.0000", "currency", "EUR", "perHour", "50.0000"),
                        Map.of("amount", "20.5000", "currency", "USD", "perHour", "10.2500"))))
                .body("items[1].minutesSpent", equalTo(90))
                .body("items[1].revenue[0].perHour", equalTo("10.0000"))
                // A task planning does not know: no minutes, so no rate (null, not a division error).
                .body("items[2].minutesSpent", equalTo(0)).body("items[2].revenue", empty())
                .body("items[2].engagementRate", nullValue())
                // Per platform, the shoot (linked by both onlyfans items) counts once: 120 minutes.
                .body("platforms.platform", equalTo(List.of("instagram", "onlyfans")))
                .body("platforms[1].items", equalTo(2)).body("platforms[1].minutesSpent", equalTo(120))
                .body("platforms[1].views", equalTo(1700))
                .body("platforms[1].revenue", equalTo(List.of(
                        Map.of("amount", "115.0000", "currency", "EUR", "perHour", "57.5000"),
                        Map.of("amount", "20.5000", "currency", "USD", "perHour", "10.2500"))));
        assertEquals(alice.circle().toString(), FakePlanning.circlesAsked().get(FakePlanning.circlesAsked().size() - 1));
    }

    @Test
    void revenueWithoutMinutesHasNoRatePerHour() {
        UUID post = item("patreon", "2026-12-10", List.of());
        day(post, "2026-12-10", Map.of("views", 10, "revenue", "9.99", "currency", "GBP"));
        alice.request().queryParam("from", "2026-12-10").queryParam("to", "2026-12-10").get(RETURNS).then()
                .statusCode(200).body("items[0].minutesSpent", equalTo(0))
                .body("items[0].revenue[0].amount", equalTo("9.9900"))
                .body("items[0].revenue[0].perHour", nullValue());
    }

    @Test
    void planningUnreachableIsA503ProblemNotZeros() {
        UUID task = UUID.randomUUID();
        FakePlanning.spent(alice.circle(), task, 60);
        item("youtube", "2026-12-01", List.of(task));
        FakePlanning.down(true);
        alice.request().queryParam("from", "2026-12-01").queryParam("to", "2026-12-31").get(RETURNS).then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("planning-service did not answer"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndOtherCirclesItemsNeverShow() {
        alice.request().queryParam("to", "2026-12-31").get(RETURNS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        alice.request().queryParam("from", "2026-12-01").get(RETURNS).then().statusCode(400)
                .body("errors.field", hasItem("to"));
        alice.request().queryParam("from", "2026-12-31").queryParam("to", "2026-12-01").get(RETURNS).then()
                .statusCode(400).body("errors.field", hasItem("to"));
        alice.request().queryParam("from", "2026-02-30").queryParam("to", "2026-12-01").get(RETURNS).then()
                .statusCode(400).body("errors.field", hasItem("from"));

        item("blog", "2026-12-01", List.of());
        User bob = User.newUser("bob");
        bob.request().queryParam("from", "2026-12-01").queryParam("to", "2026-12-31").get(RETURNS).then()
                .statusCode(200).body("items", empty()).body("platforms", empty());
    }

    private UUID item(String platform, String published, List<UUID> tasks) {
        return alice.create(ITEMS, Map.of("platform", platform, "contentType", "post", "title", platform + " piece",
                "publishedDate", published, "taskIds", tasks.stream().map(UUID::toString).toList()));
    }

    private void day(UUID item, String date, Map<String, Object> values) {
        alice.request().body(values).put(ITEMS + "/" + item + "/metrics/" + date).then().statusCode(201);
    }
}
