package org.lifeos.content.weekly;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Per platform per ISO week: idempotent upserts, week validation, the items' rollup, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlatformWeekApiTest {

    private static final String WEEKS = "/api/v1/content/platform-metrics/";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void aWeekIsUpsertedIdempotentlyAndShowsItsItemsRollup() {
        String week = WEEKS + "instagram/2026-W49";
        alice.request().get(week).then().statusCode(200).body("followers", nullValue()).body("version", nullValue())
                .body("from", equalTo("2026-11-30")).body("to", equalTo("2026-12-06"))
                .body("items.items", equalTo(0)).body("items.engagementRate", nullValue());
        Map<String, Object> body = Map.of("followers", 12000, "reach", 40000, "impressions", 90000,
                "revenue", "310", "currency", "GBP");
        alice.request().body(body).put(week).then().statusCode(201).header("ETag", "W/\"0\"")
                .body("revenue", equalTo("310.0000")).body("followers", equalTo(12000));
        alice.request().body(body).put(week).then().statusCode(200).header("ETag", "W/\"0\"");
        alice.request().body(Map.of("followers", 12100)).put(week).then().statusCode(200).header("ETag", "W/\"1\"")
                .body("revenue", nullValue()).body("reach", nullValue());
        alice.request().header("If-Match", "W/\"0\"").body(body).put(week).then().statusCode(412);
        assertEquals(1, Rows.count("platform_metrics", alice.circle()));

        UUID item = alice.create("/api/v1/content/items", Map.of("platform", "instagram", "contentType", "reel",
                "title", "Reel"));
        UUID other = alice.create("/api/v1/content/items", Map.of("platform", "tiktok", "contentType", "video",
                "title", "Elsewhere"));
        alice.request().body(Map.of("views", 100, "likes", 20, "revenue", "5", "currency", "GBP"))
                .put("/api/v1/content/items/" + item + "/metrics/2026-12-06").then().statusCode(201);
        alice.request().body(Map.of("views", 100, "likes", 5)).put("/api/v1/content/items/" + item
                + "/metrics/2026-11-30").then().statusCode(201);
        alice.request().body(Map.of("views", 999, "likes", 999)).put("/api/v1/content/items/" + item
                + "/metrics/2026-12-07").then().statusCode(201);
        alice.request().body(Map.of("views", 50)).put("/api/v1/content/items/" + other
                + "/metrics/2026-12-01").then().statusCode(201);
        alice.request().get(week).then().statusCode(200).body("followers", equalTo(12100)).body("version", equalTo(1))
                .body("items.items", equalTo(1)).body("items.views", equalTo(200))
                .body("items.engagements", equalTo(25)).body("items.engagementRate", equalTo(0.125f))
                .body("items.revenue[0].amount", equalTo("5.0000"));
        // 2026 has 53 ISO weeks; week 53 of 2026 ends on 3 January 2027.
        alice.request().get(WEEKS + "youtube/2026-W53").then().statusCode(200).body("to", equalTo("2027-01-03"));
    }

    @Test
    void badWeeksPlatformsAndValuesAre400sNamingTheFieldAndWriteNothing() {
        for (String week : new String[] {"2026-49", "2026-W00", "2027-W53", "2026-W7", "26-W10"}) {
            alice.request().body(Map.of("followers", 1)).put(WEEKS + "instagram/" + week).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("week"));
        }
        alice.request().body(Map.of("followers", 1)).put(WEEKS + "myspace/2026-W10").then().statusCode(400)
                .body("errors.field", hasItem("platform"));
        alice.request().get(WEEKS + "myspace/2026-W10").then().statusCode(400).body("errors.field", hasItem("platform"));
        alice.request().body(Map.of("followers", -1)).put(WEEKS + "x/2026-W10").then().statusCode(400)
                .body("errors.field", hasItem("followers"));
        alice.request().body(Map.of("revenue", 3.5, "currency", "EUR")).put(WEEKS + "x/2026-W10").then()
                .statusCode(400).body("errors.field", hasItem("revenue"));
        alice.request().body(Map.of("revenue", "3.5")).put(WEEKS + "x/2026-W10").then().statusCode(400)
                .body("errors.field", hasItem("currency")).body(not(containsString("Exception")));
        assertEquals(0, Rows.count("platform_metrics", alice.circle()));
    }

    @Test
    void anotherCircleNeitherSeesNorChangesTheWeek() {
        alice.request().body(Map.of("followers", 500)).put(WEEKS + "patreon/2026-W10").then().statusCode(201);
        UUID item = alice.create("/api/v1/content/items", Map.of("platform", "patreon", "contentType", "post",
                "title", "Tier post"));
        alice.request().body(Map.of("views", 10)).put("/api/v1/content/items/" + item + "/metrics/2026-03-03").then()
                .statusCode(201);
        User bob = User.newUser("bob");
        bob.request().get(WEEKS + "patreon/2026-W10").then().statusCode(200).body("followers", nullValue())
                .body("items.items", equalTo(0)).body("items.revenue", empty());
        bob.request().body(Map.of("followers", 1)).put(WEEKS + "patreon/2026-W10").then().statusCode(201);
        alice.request().get(WEEKS + "patreon/2026-W10").then().body("followers", equalTo(500))
                .body("items.views", equalTo(10));
    }
}
