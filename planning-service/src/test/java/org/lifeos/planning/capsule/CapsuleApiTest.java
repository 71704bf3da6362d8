package org.lifeos.planning.capsule;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.lifeos.planning.support.MovableNow;
import org.lifeos.planning.support.OutboxRows;

/** Time capsules cannot be read before they unlock; the test moves the service's clock instead of sleeping. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CapsuleApiTest {

    private static final String CAPSULES = "/api/v1/capsules";
    private static final String SECRET = "Dear future me: the spare key is under the blue pot";

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
    void aSealedCapsuleShowsNoContentUntilItsUnlockTime() {
        Instant unlock = start.plus(Duration.ofDays(365));
        UUID capsule = capsule(unlock);
        String path = CAPSULES + "/" + capsule;

        alice.request().get(path).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(unlock.toString())).body(not(containsString(SECRET)));
        alice.request().get(CAPSULES).then().statusCode(200).body("items[0].sealed", equalTo(true))
                .body("items[0].title", equalTo("For 2027")).body("items[0].content", nullValue())
                .body(not(containsString(SECRET)));

        clock.advance(Duration.ofDays(365).minusSeconds(1));
        alice.request().get(path).then().statusCode(403).body(not(containsString(SECRET)));

        clock.advance(Duration.ofSeconds(1));
        alice.request().get(path).then().statusCode(200).body("content", equalTo(SECRET))
                .body("unlockedAt", equalTo(unlock.toString()));
        clock.advance(Duration.ofDays(3));
        alice.request().get(path).then().statusCode(200).body("unlockedAt", equalTo(unlock.toString()));
        // Listing stays metadata only, even once unlocked.
        alice.request().get(CAPSULES).then().body("items[0].sealed", equalTo(false))
                .body("items[0].unlockedAt", equalTo(unlock.toString())).body(not(containsString(SECRET)));
    }

    @Test
    void aCapsuleIsWrittenOnlyForTheFutureAndNeverChanges() {
        alice.request().body(Map.of("title", "x", "content", "y", "unlockAt", start.toString())).post(CAPSULES)
                .then().statusCode(400).body("errors.field", hasItem("unlockAt"));
        alice.request().body(Map.of("title", "x", "content", "y", "unlockAt", "2026-13-01T00:00:00Z")).post(CAPSULES)
                .then().statusCode(400).body("errors.field", hasItem("unlockAt"));
        alice.request().body(Map.of("title", "x", "unlockAt", start.plusSeconds(60).toString())).post(CAPSULES)
                .then().statusCode(400).body("errors.field", hasItem("content"));
        alice.request().body(Map.of("title", "x", "content", "y", "unlockAt",
                start.plus(Duration.ofDays(366 * 101)).toString())).post(CAPSULES).then().statusCode(400)
                .body("errors.field", hasItem("unlockAt"));
        alice.request().get(CAPSULES).then().body("items", empty());
        assertEquals(0, OutboxRows.count("capsules", alice.circle()));

        UUID capsule = capsule(start.plusSeconds(60));
        alice.request().body(Map.of("content", "changed")).patch(CAPSULES + "/" + capsule).then().statusCode(405);
        alice.request().delete(CAPSULES + "/" + capsule).then().statusCode(204);
        alice.request().get(CAPSULES + "/" + capsule).then().statusCode(404);
    }

    @Test
    void anotherCirclesUserReachesNothingAndAVisitorOnlyReadsWhenUnlocked() {
        UUID capsule = capsule(start.plusSeconds(3600));
        String path = CAPSULES + "/" + capsule;
        Api bob = Api.newUser("bob");
        bob.request().get(path).then().statusCode(404).contentType("application/problem+json");
        bob.request().delete(path).then().statusCode(404);
        bob.request().get(CAPSULES).then().body("items", empty());
        FakeAccessService.setRole(bob.user(), alice.circle(), "visitor");
        Api visitor = bob.in(alice.circle());
        visitor.request().get(CAPSULES).then().body("items[0].sealed", equalTo(true));
        visitor.request().get(path).then().statusCode(403).body(not(containsString(SECRET)));
        visitor.request().delete(path).then().statusCode(403);
        clock.advance(Duration.ofHours(2));
        visitor.request().get(path).then().statusCode(200).body("content", equalTo(SECRET));
    }

    private UUID capsule(Instant unlockAt) {
        return UUID.fromString(alice.request().body(Map.of("title", "For 2027", "content", SECRET, "unlockAt",
                unlockAt.toString())).post(CAPSULES).then().statusCode(201).body(not(containsString(SECRET)))
                .extract().path("id"));
    }
}
