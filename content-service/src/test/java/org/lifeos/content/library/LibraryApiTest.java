package org.lifeos.content.library;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.content.support.Access;
import org.lifeos.content.support.Rows;
import org.lifeos.content.support.User;
import org.lifeos.devstack.testing.RealInfrastructure;

/** Saved library items: CRUD with ETags, read marks, filters, bad input, other circles. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class LibraryApiTest {

    private static final String LIBRARY = "/api/v1/content/library";

    private User alice;

    @BeforeEach
    void alice() {
        alice = User.newUser("alice");
    }

    @Test
    void anItemIsSavedMarkedReadFilteredAndDeleted() {
        UUID article = alice.create(LIBRARY, Map.of("itemType", "article", "title", "Pricing customs",
                "url", "https://example.org/pricing", "tags", List.of("pricing", "business", "pricing")));
        UUID video = alice.create(LIBRARY, Map.of("itemType", "video", "title", "Lighting basics",
                "tags", List.of("lighting")));
        alice.request().get(LIBRARY + "/" + article).then().statusCode(200).header("ETag", "W/\"0\"")
                .body("tags", equalTo(List.of("pricing", "business"))).body("read", equalTo(false))
                .body("readAt", nullValue());
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("read", true, "notes", "Use the rate card"))
                .patch(LIBRARY + "/" + article).then().statusCode(200).header("ETag", "W/\"1\"")
                .body("read", equalTo(true)).body("readAt", notNullValue()).body("notes", equalTo("Use the rate card"))
                .body("title", equalTo("Pricing customs"));
        alice.request().header("If-Match", "W/\"0\"").body(Map.of("title", "stale")).patch(LIBRARY + "/" + article)
                .then().statusCode(412);

        alice.request().get(LIBRARY).then().body("items.id", equalTo(ids(video, article)));
        alice.request().queryParam("tag", "pricing").get(LIBRARY).then().body("items.id", equalTo(ids(article)));
        alice.request().queryParam("read", "false").get(LIBRARY).then().body("items.id", equalTo(ids(video)));
        alice.request().queryParam("itemType", "video").get(LIBRARY).then().body("items.id", equalTo(ids(video)));
        alice.request().queryParam("limit", "1").get(LIBRARY).then().body("items.id", equalTo(ids(video)))
                .body("next", notNullValue());

        alice.request().delete(LIBRARY + "/" + video).then().statusCode(204);
        alice.request().get(LIBRARY + "/" + video).then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, Rows.count("library_items", alice.circle()));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Map<String, Object>> cases = Map.of(
                "itemType", Map.of("itemType", "magazine", "title", "x"),
                "title", Map.of("itemType", "book"),
                "url", Map.of("itemType", "book", "title", "x", "url", "javascript:alert(1)"),
                "tags[0]", Map.of("itemType", "book", "title", "x", "tags", List.of(" ")),
                "read", Map.of("itemType", "book", "title", "x", "read", "sometimes"));
        cases.forEach((field, body) -> alice.request().body(body).post(LIBRARY).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Exception"))));
        assertEquals(0, Rows.count("library_items", alice.circle()));
        alice.request().queryParam("itemType", "magazine").get(LIBRARY).then().statusCode(400)
                .body("errors.field", hasItem("itemType"));
        alice.request().queryParam("read", "maybe").get(LIBRARY).then().statusCode(400)
                .body("errors.field", hasItem("read"));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID id = alice.create(LIBRARY, Map.of("itemType", "book", "title", "Alice's book"));
        String path = LIBRARY + "/" + id;
        User bob = User.newUser("bob");
        bob.request().get(path).then().statusCode(404);
        bob.request().body(Map.of("read", true)).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(LIBRARY).then().statusCode(200).body("items", empty());

        Access.setRole(bob.id(), alice.circle(), "visitor");
        User visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200);
        visitor.request().body(Map.of("read", true)).patch(path).then().statusCode(403);
        alice.request().get(path).then().body("read", equalTo(false)).body("version", equalTo(0));
    }

    private static List<String> ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).toList();
    }
}
