package org.lifeos.health.medical;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/**
 * Medical entries are private to their owner inside a shared circle: another member sees nothing
 * (by id, in lists, through filters) until the owner shares an entry or a category with them,
 * and then exactly that, read-only. Details never reach the database in the clear.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MedicalEntryPrivacyTest {

    private static final String ENTRIES = "/api/v1/medical-entries";
    private static final String SHARES = "/api/v1/health/shares";

    private static Map<String, Object> entry(String type, String title, String details) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", "2026-03-02");
        body.put("type", type);
        body.put("title", title);
        body.put("details", details);
        body.put("provider", "Clinic");
        return body;
    }

    @Test
    void theOwnerWritesAndReadsTheirEntriesWithTheDetailsOpened() {
        Api alice = Api.newUser("alice");
        UUID id = alice.create(ENTRIES, entry("hrt_dose", "Estradiol", "2 mg sublingual"));
        alice.request().get(ENTRIES + "/" + id).then().statusCode(200)
                .body("details", equalTo("2 mg sublingual")).body("type", equalTo("hrt_dose"))
                .body("ownerId", equalTo(alice.user().toString())).body("sharedWithMe", equalTo(false));
        String etag = alice.request().get(ENTRIES + "/" + id).header("ETag");
        alice.request().header("If-Match", etag).body(Map.of("details", "4 mg", "nextDate", "2026-03-09"))
                .patch(ENTRIES + "/" + id).then().statusCode(200)
                .body("details", equalTo("4 mg")).body("nextDate", equalTo("2026-03-09")).body("title", equalTo("Estradiol"));
        alice.request().header("If-Match", etag).body(Map.of("title", "stale")).patch(ENTRIES + "/" + id)
                .then().statusCode(412);
        alice.request().delete(ENTRIES + "/" + id).then().statusCode(204);
        alice.request().get(ENTRIES + "/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        Api alice = Api.newUser("alice");
        Map<String, Object> noTitle = entry("note", "x", "y");
        noTitle.remove("title");
        alice.request().body(noTitle).post(ENTRIES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("title"));
        alice.request().body(entry("x-ray", "t", "d")).post(ENTRIES).then().statusCode(400)
                .contentType("application/problem+json");
        alice.request().queryParam("type", "x-ray").get(ENTRIES).then().statusCode(400)
                .body("errors.field", hasItem("type"));
        alice.request().get(ENTRIES + "/not-a-uuid").then().statusCode(400);
        alice.request().get(ENTRIES).then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherMemberOfTheCircleSeesNothingOfTheOwnersEntries() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        Api bob = circle[1];
        UUID note = alice.create(ENTRIES, entry("note", "Private", "nobody else"));
        UUID bobs = bob.create(ENTRIES, entry("note", "Bob's", "his own"));

        bob.request().get(ENTRIES + "/" + note).then().statusCode(404);
        bob.request().get(ENTRIES).then().statusCode(200).body("items.id", contains(bobs.toString()));
        bob.request().queryParam("ownerId", alice.user().toString()).get(ENTRIES).then().statusCode(200)
                .body("items", empty());
        bob.request().queryParam("type", "note").queryParam("from", "2026-01-01").get(ENTRIES).then()
                .statusCode(200).body("items.id", contains(bobs.toString()));
        bob.request().body(Map.of("title", "mine now")).patch(ENTRIES + "/" + note).then().statusCode(404);
        bob.request().delete(ENTRIES + "/" + note).then().statusCode(404);
        alice.request().get(ENTRIES).then().statusCode(200).body("items.id", contains(note.toString()));
    }

    @Test
    void anotherCirclesEntriesAreNotFound() {
        Api alice = Api.newUser("alice");
        Api mallory = Api.newUser("mallory");
        UUID id = alice.create(ENTRIES, entry("note", "Private", "x"));
        mallory.request().get(ENTRIES + "/" + id).then().statusCode(404);
        mallory.request().get(ENTRIES).then().statusCode(200).body("items", empty());
        // Naming alice's circle: not a member, refused before any row is read.
        new Api(mallory.user(), "mallory", alice.circle()).request().get(ENTRIES + "/" + id).then().statusCode(403);
    }

    @Test
    void aSharedEntryIsReadableReadOnlyByExactlyTheMemberItIsSharedWith() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob", "carol");
        Api alice = circle[0];
        Api bob = circle[1];
        Api carol = circle[2];
        UUID lab = alice.create(ENTRIES, entry("lab_result", "Bloods", "estradiol 310 pmol/L"));
        UUID other = alice.create(ENTRIES, entry("lab_result", "Other bloods", "not shared"));

        UUID share = alice.create(SHARES, Map.of("granteeId", bob.user().toString(), "entryId", lab.toString()));

        bob.request().get(ENTRIES + "/" + lab).then().statusCode(200)
                .body("details", equalTo("estradiol 310 pmol/L")).body("sharedWithMe", equalTo(true))
                .body("ownerId", equalTo(alice.user().toString()));
        bob.request().get(ENTRIES + "/" + other).then().statusCode(404);
        bob.request().get(ENTRIES).then().body("items.id", contains(lab.toString()));
        bob.request().body(Map.of("title", "changed")).patch(ENTRIES + "/" + lab).then().statusCode(403);
        bob.request().delete(ENTRIES + "/" + lab).then().statusCode(403);
        carol.request().get(ENTRIES + "/" + lab).then().statusCode(404);
        carol.request().get(ENTRIES).then().body("items", empty());
        bob.request().get(SHARES).then().statusCode(200).body("items.id", contains(share.toString()));
        carol.request().get(SHARES + "/" + share).then().statusCode(404);
        assertEquals(1, Db.count("SELECT count(*) FROM medical_entries WHERE shared_details_encrypted IS NOT NULL "
                + "AND owner_id = ?", alice.user()), "only the shared entry has a circle-key copy");

        // The owner's later change reaches the grantee.
        alice.request().body(Map.of("details", "estradiol 400 pmol/L")).patch(ENTRIES + "/" + lab)
                .then().statusCode(200);
        bob.request().get(ENTRIES + "/" + lab).then().statusCode(200).body("details", equalTo("estradiol 400 pmol/L"));

        alice.request().delete(SHARES + "/" + share).then().statusCode(204);
        bob.request().get(ENTRIES + "/" + lab).then().statusCode(404);
        assertEquals(List.of(), Db.column("SELECT id FROM medical_entries WHERE shared_details_encrypted IS NOT NULL "
                + "AND owner_id = ?", alice.user()), "unshared: the circle-key copy is gone");
    }

    @Test
    void aSharedCategoryCoversTheOwnersEntriesOfThatTypeNowAndLater() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        Api bob = circle[1];
        UUID before = alice.create(ENTRIES, entry("appointment", "GP", "Tuesday 10:00"));
        UUID note = alice.create(ENTRIES, entry("note", "Diary", "private"));
        alice.create(SHARES, Map.of("granteeId", bob.user().toString(), "entryType", "appointment"));
        UUID after = alice.create(ENTRIES, entry("appointment", "Endo", "Friday 14:00"));

        bob.request().queryParam("ownerId", alice.user().toString()).get(ENTRIES).then().statusCode(200)
                .body("items.id", containsInAnyOrder(before.toString(), after.toString()))
                .body("items.details", containsInAnyOrder("Tuesday 10:00", "Friday 14:00"));
        bob.request().get(ENTRIES + "/" + note).then().statusCode(404);
        bob.request().queryParam("type", "note").get(ENTRIES).then().body("items", empty());

        // An entry moved out of the category is no longer shared.
        alice.request().body(Map.of("type", "note")).patch(ENTRIES + "/" + after).then().statusCode(200);
        bob.request().get(ENTRIES + "/" + after).then().statusCode(404);
    }

    @Test
    void sharesRefuseWhatIsNotTheCallersToShare() {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        Api bob = circle[1];
        UUID bobs = bob.create(ENTRIES, entry("note", "Bob's", "his"));
        alice.request().body(Map.of("granteeId", bob.user().toString(), "entryId", bobs.toString())).post(SHARES)
                .then().statusCode(400).body("errors.field", hasItem("entryId"));
        alice.request().body(Map.of("granteeId", alice.user().toString(), "entryType", "note")).post(SHARES)
                .then().statusCode(400).body("errors.field", hasItem("granteeId"));
        alice.request().body(Map.of("granteeId", bob.user().toString())).post(SHARES)
                .then().statusCode(400).contentType("application/problem+json");
        alice.request().body(Map.of("granteeId", bob.user().toString(), "entryType", "note")).post(SHARES)
                .then().statusCode(201);
        alice.request().body(Map.of("granteeId", bob.user().toString(), "entryType", "note")).post(SHARES)
                .then().statusCode(409);
        bob.request().get(SHARES).then().body("items.entryType", contains("note"))
                .body("items[0].entryId", nullValue());
    }

    @Test
    void theDatabaseHoldsNoPlaintextOfTheDetailsPrivateOrShared() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        String marker = "marker-" + UUID.randomUUID();
        UUID id = alice.create(ENTRIES, entry("prescription", "Spironolactone", "100 mg daily " + marker));
        alice.create(SHARES, Map.of("granteeId", circle[1].user().toString(), "entryId", id.toString()));

        List<String> row = Db.column("SELECT t::text FROM medical_entries t WHERE id = ?", id);
        assertEquals(1, row.size());
        assertFalse(row.get(0).contains(marker), "the row as text holds no plaintext");
        assertTrue(row.get(0).contains("Spironolactone"), "clear columns stay clear: " + row.get(0));
        for (String column : List.of("details_encrypted", "shared_details_encrypted")) {
            List<String> hex = Db.column("SELECT encode(" + column + ", 'hex') FROM medical_entries WHERE id = ?", id);
            assertTrue(hex.get(0) != null && !hex.get(0).isEmpty(), column + " is stored");
            String bytes = new String(java.util.HexFormat.of().parseHex(hex.get(0)), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(marker), column + " holds no plaintext");
            assertFalse(bytes.contains("100 mg"), column + " holds no plaintext");
        }
    }
}
