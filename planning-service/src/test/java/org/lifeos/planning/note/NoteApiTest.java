package org.lifeos.planning.note;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.MovableNow;
import org.lifeos.planning.support.OutboxRows;

/** Notes and their reminders: set for the future, listed when due, full-text indexed. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NoteApiTest {

    private static final String NOTES = "/api/v1/notes";

    private Api alice;
    private MovableNow clock;
    private Instant start;

    @BeforeEach
    void aliceAndAClock() {
        alice = Api.newUser("alice");
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = MovableNow.installAt(start);
    }

    @Test
    void notesAreWrittenPatchedListedAndDeleted() {
        UUID note = note("Boiler", "Service due in March; call the plumber", List.of("home"));
        String path = NOTES + "/" + note;
        alice.request().body(Map.of("content", "Serviced on 3 March")).patch(path).then().statusCode(200)
                .body("title", equalTo("Boiler")).body("content", equalTo("Serviced on 3 March"))
                .body("ownerId", equalTo(alice.user().toString()));
        note("Books", "Dune", List.of("reading"));
        alice.request().queryParam("tag", "home").get(NOTES).then().body("items.title", equalTo(List.of("Boiler")));
        alice.request().get(NOTES).then().body("items.size()", equalTo(2));
        alice.request().header("If-Match", "W/\"0\"").delete(path).then().statusCode(412);
        alice.request().header("If-Match", "W/\"1\"").delete(path).then().statusCode(204);
        alice.request().get(path).then().statusCode(404);
    }

    @Test
    void remindersAreForTheFutureAndListedOnceDueUntilDismissed() {
        UUID note = note("Passport", "Renew before the trip", List.of());
        String reminders = NOTES + "/" + note + "/reminders";
        alice.request().body(Map.of("remindAt", start.toString())).post(reminders).then().statusCode(400)
                .body("errors.field", hasItem("remindAt"));
        alice.request().body(Map.of("remindAt", start.minusSeconds(60).toString())).post(reminders).then()
                .statusCode(400).body("errors.field", hasItem("remindAt"));
        alice.request().body(Map.of("remindAt", "tomorrow")).post(reminders).then().statusCode(400)
                .body("errors.field", hasItem("remindAt"));
        String soon = alice.request().body(Map.of("remindAt", start.plus(Duration.ofHours(1)).toString()))
                .post(reminders).then().statusCode(201).body("noteTitle", equalTo("Passport")).extract().path("id");
        alice.request().body(Map.of("remindAt", "2099-01-01T09:00:00+01:00")).post(reminders).then().statusCode(201);
        alice.request().get(reminders).then().body("items.size()", equalTo(2));

        alice.request().get("/api/v1/note-reminders/due").then().statusCode(200).body("items", empty());
        clock.advance(Duration.ofHours(1));
        alice.request().get("/api/v1/note-reminders/due").then().body("items.id", equalTo(List.of(soon)))
                .body("items[0].noteId", equalTo(note.toString()));
        // Another member of the circle is not reminded of Alice's reminder.
        Api bob = Api.newUser("bob");
        FakeAccessService.setRole(bob.user(), alice.circle(), "editor");
        bob.in(alice.circle()).request().get("/api/v1/note-reminders/due").then().body("items", empty());
        bob.in(alice.circle()).request().post("/api/v1/note-reminders/" + soon + "/dismiss").then().statusCode(404);

        alice.request().post("/api/v1/note-reminders/" + soon + "/dismiss").then().statusCode(200)
                .body("dismissedAt", notNullValue());
        alice.request().get("/api/v1/note-reminders/due").then().body("items", empty());
        alice.request().delete(reminders + "/" + soon).then().statusCode(204);
        alice.request().get(reminders).then().body("items.size()", equalTo(1));
    }

    @Test
    void notesCarryAFullTextVectorForSearch() throws Exception {
        UUID boiler = note("Boiler service", "Call the plumber about the heating", List.of());
        note("Groceries", "Eggs, milk and bread", List.of());
        List<String> hits = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT id::text FROM notes WHERE tenant_id = ? "
                     + "AND search_vector @@ websearch_to_tsquery('english', ?) "
                     + "ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', ?)) DESC")) {
            query.setObject(1, alice.circle());
            query.setString(2, "plumbers heating");
            query.setString(3, "plumbers heating");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hits.add(rows.getString(1));
                }
            }
            try (PreparedStatement plan = admin.prepareStatement("SELECT indexdef FROM pg_indexes "
                    + "WHERE tablename = 'notes' AND indexname = 'idx_notes_search'");
                 ResultSet rows = plan.executeQuery()) {
                rows.next();
                org.junit.jupiter.api.Assertions.assertTrue(rows.getString(1).contains("gin"), rows.getString(1));
            }
        }
        assertEquals(List.of(boiler.toString()), hits, "stemmed words of title and content match");
    }

    @Test
    void pagesLinkToANextPageOnlyWhenMoreNotesExist() {
        for (int i = 0; i < 3; i++) {
            note("Note " + i, "text", List.of());
        }
        String next = alice.request().queryParam("limit", 2).get(NOTES).then().statusCode(200)
                .body("items.size()", equalTo(2)).body("next", notNullValue()).extract().path("next");
        String cursor = next.replaceFirst(".*[?&]cursor=([^&]+).*", "$1");
        alice.request().queryParam("limit", 2).queryParam("cursor", cursor).get(NOTES).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("next", nullValue());
        // Exactly a page's worth: no link to an empty page.
        alice.request().queryParam("limit", 3).get(NOTES).then().body("items.size()", equalTo(3))
                .body("next", nullValue());
        alice.request().queryParam("cursor", "bm90LWEtY3Vyc29y").get(NOTES).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aMalformedIdIsA400NamingTheParameter() {
        alice.request().get(NOTES + "/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        alice.request().delete(NOTES + "/" + UUID.randomUUID() + "/reminders/12").then().statusCode(400)
                .body("errors.field", hasItem("reminderId"));
    }

    @Test
    void badNotesAreRefusedNamingTheFieldAndWriteNothing() {
        alice.request().body(Map.of("content", "x")).post(NOTES).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        alice.request().body(Map.of("title", "x", "tags", "a,b")).post(NOTES).then().statusCode(400)
                .body("errors.field", hasItem("tags"));
        alice.request().body(Map.of("title", "x".repeat(256))).post(NOTES).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        alice.request().get(NOTES).then().body("items", empty());
        assertEquals(0, OutboxRows.count("notes", alice.circle()));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID note = note("Mine", "secret plans", List.of());
        String path = NOTES + "/" + note;
        String before = alice.request().get(path).then().extract().asString();
        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("title", "x")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().body(Map.of("remindAt", start.plusSeconds(60).toString())).post(path + "/reminders").then()
                .statusCode(404);
        bob.request().get(NOTES).then().body("items", empty());
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200).body("content", equalTo("secret plans"));
        visitor.request().body(Map.of("title", "x")).patch(path).then().statusCode(403);
        visitor.request().body(Map.of("remindAt", start.plusSeconds(60).toString())).post(path + "/reminders")
                .then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        assertEquals(before, alice.request().get(path).then().extract().asString());
        assertEquals(0, OutboxRows.count("note_reminders", alice.circle()));
    }

    private UUID note(String title, String content, List<String> tags) {
        return UUID.fromString(alice.request().body(Map.of("title", title, "content", content, "tags", tags))
                .post(NOTES).then().statusCode(201).extract().path("id"));
    }
}
