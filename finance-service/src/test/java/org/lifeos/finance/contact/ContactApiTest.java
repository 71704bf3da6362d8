package org.lifeos.finance.contact;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;

/** Contacts through the API: sealed phone and notes, rating bounds, soft delete, isolation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ContactApiTest {

    @Test
    void aContactIsCreatedChangedSoftDeletedAndTheDatabaseHoldsNoPlaintextPhoneOrNotes() {
        Api alice = Api.newUser("alice");
        String marker = "PRIVATENOTE" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "+447700900" + (100 + (int) (Math.random() * 800));
        String id = alice.request().body(Map.of("name", "Dana", "type", "client", "phone", phone,
                        "notes", marker, "rating", 4, "email", "dana@example.com",
                        "lastInteraction", "2026-03-01T10:00:00Z"))
                .post("/api/v1/contacts").then().statusCode(201)
                .body("phone", equalTo(phone)).body("notes", equalTo(marker)).body("rating", equalTo(4))
                .extract().path("id");
        for (String plain : List.of(marker, phone)) {
            assertEquals(0, Db.count("SELECT count(*) FROM contacts t WHERE t::text LIKE ? "
                    + "OR position(convert_to(?, 'UTF8') IN coalesce(t.phone_encrypted, ''::bytea)) > 0 "
                    + "OR position(convert_to(?, 'UTF8') IN coalesce(t.notes_encrypted, ''::bytea)) > 0",
                    "%" + plain + "%", plain, plain), "plaintext " + plain + " in contacts");
        }
        alice.request().body(Map.of("rating", 5, "notes", "met again")).patch("/api/v1/contacts/" + id).then()
                .statusCode(200).body("rating", equalTo(5)).body("notes", equalTo("met again"))
                .body("phone", equalTo(phone));
        alice.request().get("/api/v1/contacts").then().statusCode(200).body("items.id", hasItem(id));

        alice.request().delete("/api/v1/contacts/" + id).then().statusCode(204);
        alice.request().get("/api/v1/contacts/" + id).then().statusCode(404);
        alice.request().get("/api/v1/contacts").then().statusCode(200).body("items.id", not(hasItem(id)));
        assertEquals(1, Db.count("SELECT count(*) FROM contacts WHERE id = ?::uuid AND deleted_at IS NOT NULL", id),
                "a delete keeps the row, marked");
        alice.request().body(Map.of("date", "2026-03-01", "amount", "1.00", "currency", "GBP", "sourceType", "tip",
                "contactId", id)).post("/api/v1/income").then().statusCode(400).body("errors.field", hasItem("contactId"));
    }

    @Test
    void badInputIsA400AndAnotherCircleSeesNothing() {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        alice.request().body(Map.of("name", "X", "type", "client", "rating", 6)).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", hasItem("rating"));
        alice.request().body(Map.of("name", "X", "type", "friend")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", hasItem("type"));
        alice.request().body(Map.of("name", "", "type", "client")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", hasItem("name"));
        assertEquals(0, Db.count("SELECT count(*) FROM contacts WHERE tenant_id = ?::uuid", alice.circle().toString()));

        String id = alice.request().body(Map.of("name", "Eve", "type", "agency")).post("/api/v1/contacts").then()
                .statusCode(201).extract().path("id");
        bob.request().get("/api/v1/contacts/" + id).then().statusCode(404);
        bob.request().body(Map.of("name", "Mine")).patch("/api/v1/contacts/" + id).then().statusCode(404);
        bob.request().delete("/api/v1/contacts/" + id).then().statusCode(404);
        bob.request().queryParam("type", "agency").get("/api/v1/contacts").then().statusCode(200)
                .body("items", equalTo(List.of()));
        bob.request().body(Map.of("date", "2026-03-01", "amount", "1.00", "currency", "GBP", "sourceType", "tip",
                "contactId", id)).post("/api/v1/income").then().statusCode(400).body("errors.field", hasItem("contactId"));
        alice.request().get("/api/v1/contacts/" + id).then().statusCode(200).body("name", equalTo("Eve"));
    }

    @Test
    void metadataIsAJsonObjectReplacedWholeByAPatchAndAnotherCircleSeesNone() {
        Api alice = Api.newUser("alice");
        String id = alice.request().body(Map.of("name", "Eve", "type", "agency",
                        "metadata", Map.of("instagram", "@eve", "tier", 2)))
                .post("/api/v1/contacts").then().statusCode(201)
                .body("metadata.instagram", equalTo("@eve")).body("metadata.tier", equalTo(2)).extract().path("id");
        alice.request().body(Map.of("metadata", Map.of("instagram", "@eve.new"))).patch("/api/v1/contacts/" + id)
                .then().statusCode(200).body("metadata", equalTo(Map.of("instagram", "@eve.new")));
        assertEquals("@eve.new", Db.string("SELECT metadata->>'instagram' FROM contacts WHERE id = ?::uuid", id));
        alice.request().body(Map.of("name", "Eve", "type", "agency", "metadata", "not an object"))
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json");
        alice.request().get("/api/v1/contacts/" + id).then().body("metadata", equalTo(Map.of("instagram", "@eve.new")));
        Api.newUser("bob").request().get("/api/v1/contacts/" + id).then().statusCode(404);
    }
}
