package org.lifeos.planning.lifelog;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.support.Api;
import org.lifeos.planning.support.FakeAccessService;
import org.lifeos.planning.support.OutboxRows;

/** The life log: entries of the circle, newest first, never in the future. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class LifelogApiTest {

    private static final String LIFELOGS = "/api/v1/lifelogs";

    private Api alice;

    @BeforeEach
    void alice() {
        alice = Api.newUser("alice");
    }

    @Test
    void entriesAreListedNewestFirstAndCanBeCorrected() {
        UUID older = entry(Map.of("content", "Moved into the new flat", "occurredAt", "2026-03-01T10:00:00+01:00"));
        entry(Map.of("content", "First night there", "occurredAt", "2026-03-01T22:00:00+01:00"));
        alice.request().get(LIFELOGS).then().statusCode(200)
                .body("items.content", equalTo(List.of("First night there", "Moved into the new flat")))
                .body("items[1].occurredAt", equalTo("2026-03-01T09:00:00Z"))
                .body("items[0].authorId", equalTo(alice.user().toString()));
        alice.request().queryParam("to", "2026-03-01T12:00:00Z").get(LIFELOGS).then()
                .body("items.id", equalTo(List.of(older.toString())));
        alice.request().body(Map.of("content", "Moved into the new flat (finally)")).patch(LIFELOGS + "/" + older)
                .then().statusCode(200).body("occurredAt", equalTo("2026-03-01T09:00:00Z"));
        alice.request().delete(LIFELOGS + "/" + older).then().statusCode(204);
        alice.request().get(LIFELOGS + "/" + older).then().statusCode(404);
    }

    @Test
    void badEntriesAreRefusedNamingTheFieldAndWriteNothing() {
        alice.request().body(Map.of("content", " ")).post(LIFELOGS).then().statusCode(400)
                .body("errors.field", hasItem("content"));
        alice.request().body(Map.of("content", "x", "occurredAt", "2099-01-01T00:00:00Z")).post(LIFELOGS).then()
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        alice.request().body(Map.of("content", "x", "occurredAt", "yesterday")).post(LIFELOGS).then()
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        alice.request().queryParam("from", "March").get(LIFELOGS).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        alice.request().get(LIFELOGS).then().body("items", empty());
        assertEquals(0, OutboxRows.count("lifelogs", alice.circle()));
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReads() {
        UUID entry = entry(Map.of("content", "Private thought"));
        String path = LIFELOGS + "/" + entry;
        String before = alice.request().get(path).then().extract().asString();
        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().body(Map.of("content", "x")).patch(path).then().statusCode(404);
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(LIFELOGS).then().body("items", empty());
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(path).then().statusCode(200);
        visitor.request().body(Map.of("content", "x")).patch(path).then().statusCode(403);
        visitor.request().body(Map.of("content", "x")).post(LIFELOGS).then().statusCode(403);
        visitor.request().delete(path).then().statusCode(403);
        assertEquals(before, alice.request().get(path).then().extract().asString());
    }

    private UUID entry(Map<String, Object> body) {
        return UUID.fromString(alice.request().body(body).post(LIFELOGS).then().statusCode(201).extract().path("id"));
    }
}
