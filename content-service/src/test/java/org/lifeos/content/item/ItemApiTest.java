package org.lifeos.content.item;

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

/** Content items: CRUD, links to a calendar entry of the same circle and to task ids, filters, bad input, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ItemApiTest {

    private static final String ITEMS = "/api/v1/content/items";
    private static final String CALENDAR = "/api/v1/content/calendar";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void anItemLinksItsCalendarEntryAndTasksAndIsChangedAndDeletedWithItsETag() {
        UUID entry = alice.create(CALENDAR, Map.of("title", "Reel", "contentType", "video"));
        UUID task = UUID.randomUUID();
        Response created = alice.request().body(Map.of("platform", "instagram", "contentType", "reel",
                "title", "Studio reel", "url", "https://instagram.com/p/abc", "publishedDate", "2026-12-10",
                "calendarEntryId", entry.toString(), "taskIds", List.of(task.toString(), task.toString()),
                "externalId", "abc")).post(ITEMS);
        created.then().statusCode(201).header("ETag", "W/\"0\"").body("platform", equalTo("instagram"))
                .body("calendarEntryId", equalTo(entry.toString()))
                .body("taskIds", equalTo(List.of(task.toString())));
        String path = ITEMS + "/" + created.path("id");
        alice.request().get(path).then().statusCode(200).body("title", equalTo("Studio reel"))
                .body("url", equalTo("https://instagram.com/p/abc"));
        alice.request().queryParam("calendarEntryId", entry.toString()).get(ITEMS).then()
                .body("items.id", equalTo(List.of(created.path("id").toString())));

        alice.request().header("If-Match", "W/\"0\"").body(Map.of("title", "Studio reel (cut)", "taskIds", List.of()))
                .patch(path).then().statusCode(200).header("ETag", "W/\"1\"").body("taskIds", empty())
                .body("calendarEntryId", equalTo(entry.toString()));
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("title", "stale")).patch(path).then()
                .statusCode(412);
        // The same external id on the same platform is another item's: 409 naming it.
        alice.request().body(Map.of("platform", "instagram", "contentType", "post", "title", "dup",
                "externalId", "abc")).post(ITEMS).then().statusCode(409).body("errors.field", hasItem("externalId"));
        alice.request().body(Map.of("platform", "tiktok", "contentType", "post", "title", "other platform",
                "externalId", "abc")).post(ITEMS).then().statusCode(201);

        // Deleting the calendar entry unlinks, never deletes, the item.
        alice.request().delete(CALENDAR + "/" + entry).then().statusCode(204);
        alice.request().get(path).then().statusCode(200).body("calendarEntryId", nullValue());
        alice.request().header("If-Match", "W/\"1\"").delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404);
        // content.item announced each change, in order, for this item only.
        assertEquals(List.of("item.created", "item.updated", "item.deleted"),
                Rows.types(alice.circle(), "content.item", "itemId", UUID.fromString(created.path("id"))));
    }

    @Test
    void listsFilterByPlatformAndPublishedDateAndPageWithoutRepeats() {
        UUID a = item("youtube", "2026-11-01");
        UUID b = item("x", "2026-11-15");
        UUID c = item("youtube", "2026-12-01");
        UUID draft = alice.create(ITEMS, Map.of("platform", "blog", "contentType", "article", "title", "Draft"));
        alice.request().get(ITEMS).then().body("items.id", equalTo(ids(a, b, c, draft)));
        alice.request().queryParam("platform", "youtube").get(ITEMS).then().body("items.id", equalTo(ids(a, c)));
        alice.request().queryParam("from", "2026-11-02").queryParam("to", "2026-12-01").get(ITEMS).then()
                .body("items.id", equalTo(ids(b, c)));
        List<String> seen = new ArrayList<>();
        String next = ITEMS + "?limit=2";
        while (next != null) {
            Response page = alice.request().get(next);
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertEquals(ids(a, b, c, draft), seen);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        User bob = User.newUser("bob");
        UUID bobsEntry = bob.create(CALENDAR, Map.of("title", "Bob's", "contentType", "post"));
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("platform", Map.of("platform", "myspace", "contentType", "post", "title", "x"));
        cases.put("contentType", Map.of("platform", "x", "contentType", "tweet", "title", "x"));
        cases.put("title", Map.of("platform", "x", "contentType", "post"));
        cases.put("url", Map.of("platform", "x", "contentType", "post", "title", "x", "url", "javascript:alert(1)"));
        cases.put("publishedDate", Map.of("platform", "x", "contentType", "post", "title", "x",
                "publishedDate", "2026-02-30"));
        cases.put("taskIds[0]", Map.of("platform", "x", "contentType", "post", "title", "x", "taskIds", List.of("nope")));
        // Another circle's calendar entry is not there for Alice.
        cases.put("calendarEntryId", Map.of("platform", "x", "contentType", "post", "title", "x",
                "calendarEntryId", bobsEntry.toString()));
        cases.forEach((field, body) -> alice.request().body(body).post(ITEMS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Exception"))));
        assertEquals(0, Rows.count("content_items", alice.circle()));
        assertEquals(0, Rows.outbox(alice.circle(), "content.item").size());
        alice.request().queryParam("platform", "myspace").get(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("platform"));
        alice.request().get(ITEMS + "/123").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID id = item("onlyfans", "2026-12-01");
        String path = ITEMS + "/" + id;
        User bob = User.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "hijacked")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(ITEMS).then().statusCode(200).body("items", empty());

        Access.setRole(bob.id(), alice.circle(), "visitor");
        User visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200);
        visitor.request().body(Map.of("title", "changed")).patch(path).then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        alice.request().get(path).then().body("title", equalTo("onlyfans piece")).body("version", equalTo(0));
    }

    private UUID item(String platform, String published) {
        return alice.create(ITEMS, Map.of("platform", platform, "contentType", "post", "title", platform + " piece",
                "publishedDate", published));
    }

    private static List<String> ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).toList();
    }
}
