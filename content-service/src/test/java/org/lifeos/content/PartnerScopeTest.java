package org.lifeos.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.Tokens;

/**
 * A publishing partner's token (content:read and content:write, as a scheduler app is granted) pushes
 * items' daily metrics and does nothing else: no calendar entries, items, conversations, library or
 * asset writes (nor asset uploads), and no revenue reads; the user's own app does all of it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartnerScopeTest {

    private static final String ITEMS = "/api/v1/content/items";

    @Test
    void aPublishingPartnerPushesItemMetricsOnly() {
        User alice = User.newUser("alice");
        UUID item = alice.create(ITEMS, Map.of("platform", "tiktok", "contentType", "short", "title", "Clip",
                "publishedDate", "2026-12-01"));
        RequestSpecification partner = partner(alice, Set.of("content:read", "content:write"));

        partner.body(Map.of("views", 900, "likes", 90, "revenue", "3.20", "currency", "EUR"))
                .put(ITEMS + "/" + item + "/metrics/2026-12-01").then().statusCode(201);
        partner(alice, Set.of("content:read", "content:write")).body(Map.of("views", 900, "likes", 90,
                "revenue", "3.20", "currency", "EUR")).put(ITEMS + "/" + item + "/metrics/2026-12-01").then()
                .statusCode(200);
        partner(alice, Set.of("content:read", "content:write")).get(ITEMS + "/" + item).then().statusCode(200);
        assertEquals(1, Rows.outbox(alice.circle(), "content.revenue").size(), "the pushed revenue went to finance once");

        Map<String, Map<String, ?>> writes = Map.of(
                "/api/v1/content/calendar", Map.of("title", "Sneaky", "contentType", "post"),
                ITEMS, Map.of("platform", "tiktok", "contentType", "post", "title", "Sneaky"),
                "/api/v1/content/conversations", Map.of("title", "Sneaky"),
                "/api/v1/content/library", Map.of("itemType", "book", "title", "Sneaky"),
                "/api/v1/content/feed-sources", Map.of("url", "https://example.org/feed.xml"),
                "/api/v1/content/assets", Map.of("name", "sneaky.png", "mimeType", "image/png", "fileSize", 1));
        writes.forEach((path, body) -> partner(alice, Set.of("content:read", "content:write")).body(body).post(path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("content:manage")));
        partner(alice, Set.of("content:read", "content:write")).body(Map.of("followers", 1))
                .put("/api/v1/content/platform-metrics/tiktok/2026-W49").then().statusCode(403);
        partner(alice, Set.of("content:read", "content:write")).delete(ITEMS + "/" + item).then().statusCode(403);
        // Assets: a partner with content:read lists and reads them; uploading stays with the user's own apps.
        UUID asset = alice.create("/api/v1/content/assets", Map.of("name", "cover.png", "mimeType", "image/png",
                "fileSize", 1));
        partner(alice, Set.of("content:read")).get("/api/v1/content/assets/" + asset).then().statusCode(200);
        given().auth().oauth2(Tokens.partner(alice.id(), alice.username(), "scheduler-app",
                        Set.of("content:read", "content:write"))).header("X-Circle-Id", alice.circle().toString())
                .contentType("image/png").body(new byte[1]).put("/api/v1/content/assets/" + asset + "/content")
                .then().statusCode(403).body("detail", containsString("content:manage"));

        for (String read : new String[] {ITEMS + "/" + item + "/metrics/2026-12-01", ITEMS + "/" + item + "/metrics",
                ITEMS + "/" + item + "/totals", "/api/v1/content/top?by=revenue&currency=EUR",
                "/api/v1/content/returns?from=2026-12-01&to=2026-12-31",
                "/api/v1/content/platform-metrics/tiktok/2026-W49"}) {
            partner(alice, Set.of("content:read", "content:write")).get(read).then().statusCode(403)
                    .body("detail", containsString("content:revenue"));
        }
        assertEquals(1, Rows.count("content_items", alice.circle()));
        assertEquals(0, Rows.count("content_calendar", alice.circle()));
        // The user's own app reads what the partner pushed.
        alice.request().get(ITEMS + "/" + item + "/totals").then().statusCode(200).body("views", equalTo(900))
                .body("revenue[0].amount", equalTo("3.2000"));
    }

    private static RequestSpecification partner(User user, Set<String> scopes) {
        return given().auth().oauth2(Tokens.partner(user.id(), user.username(), "scheduler-app", scopes))
                .header("X-Circle-Id", user.circle().toString()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
