package org.lifeos.identity.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Against the real Keycloak, Kafka and PostgreSQL: Keycloak's events reach the security ledger
 * through the lifeos-kafka listener, the lockout mirror follows Keycloak's brute-force detection,
 * and an operator's unlock works in Keycloak. (API tokens stay the mock realm's, with the
 * Keycloak user's id as subject.)
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class KeycloakSecurityEventsTest {

    private static final String PASSWORD = "a-long-dev-password-1";

    @Inject
    KeycloakEventsReplay catchUp;

    @Test
    void repeatedWrongPasswordsLockTheAccountAndAnOperatorUnlocksIt() {
        TestUser carol = Keycloak.newUser("carol", PASSWORD);
        Api.signIn(carol);
        for (int i = 0; i < 5; i++) {
            assertEquals(400, Keycloak.passwordGrant(carol.username(), "wrong-password-" + i).status());
        }
        assertEquals(400, Keycloak.passwordGrant(carol.username(), PASSWORD).status(),
                "the right password is refused while the account is locked");

        JsonPath state = Await.value(() -> carol.api().get("/api/v1/me/security-state").then().statusCode(200)
                .extract().jsonPath(), s -> s.getBoolean("locked"), "the lock reaches security-state");
        // Keycloak's count (its quick-login check may lock after two failures in a second).
        assertTrue(state.getInt("failedAttempts") >= 2, state.prettify());
        assertTrue(state.getString("lockedAt") != null, state.prettify());
        // Five wrong passwords and the refused right one.
        List<String> types = Await.value(() -> types(carol), t -> t.contains("ACCOUNT_LOCKED")
                && t.stream().filter("LOGIN_FAILED"::equals).count() == 6, "the failures and the lock are recorded");
        assertEquals(1, types.stream().filter("ACCOUNT_LOCKED"::equals).count(), types.toString());

        // Only operators unlock.
        carol.api().body(Map.of("reason", "it's me")).post("/api/v1/operator/users/{id}/unlock", carol.id())
                .then().statusCode(403);
        TestUser operator = TestUser.named("operator");
        TestUser.api(operator.operatorToken()).body(Map.of("reason", "verified by phone"))
                .post("/api/v1/operator/users/{id}/unlock", carol.id())
                .then().statusCode(200)
                .body("wasLocked", equalTo(true))
                .body("state.locked", equalTo(false))
                .body("state.failedAttempts", equalTo(0));

        carol.api().get("/api/v1/me/security-state").then().statusCode(200).body("locked", equalTo(false));
        Keycloak.Answer login = Keycloak.passwordGrant(carol.username(), PASSWORD);
        assertEquals(200, login.status(), login.body().toString());
        // Keycloak's own admin event about the unlock comes before this login on the user's
        // partition; once the login is recorded, the unlock has been seen twice and recorded once.
        List<String> after = Await.value(() -> types(carol), t -> t.contains("LOGIN_SUCCESS"), "the login is recorded");
        assertEquals(1, after.stream().filter("ACCOUNT_UNLOCKED"::equals).count(), after.toString());
        JsonPath unlocked = carol.api().get("/api/v1/me/security-events").then().statusCode(200).extract().jsonPath();
        int index = unlocked.getList("items.type").indexOf("ACCOUNT_UNLOCKED");
        assertEquals(operator.id().toString(), unlocked.getString("items[" + index + "].details.operatorId"));
        assertEquals("verified by phone", unlocked.getString("items[" + index + "].details.reason"));
    }

    @Test
    void reusingARotatedRefreshTokenFailsEndsTheSessionAndIsRecorded() {
        // Never signed in to LifeOS: the first Keycloak event provisions dave from Keycloak's record.
        TestUser dave = Keycloak.newUser("dave", PASSWORD);
        Keycloak.Answer login = Keycloak.passwordGrant(dave.username(), PASSWORD);
        assertEquals(200, login.status(), login.body().toString());
        String original = login.body().get("refresh_token").asText();
        Keycloak.Answer rotated = Keycloak.refresh(original);
        assertEquals(200, rotated.status(), rotated.body().toString());
        String current = rotated.body().get("refresh_token").asText();

        Keycloak.Answer reuse = Keycloak.refresh(original);
        assertEquals(400, reuse.status(), reuse.body().toString());
        assertEquals("invalid_grant", reuse.body().get("error").asText());

        List<String> types = Await.value(() -> types(dave), t -> t.contains("REFRESH_TOKEN_REUSE"),
                "the reuse is recorded");
        assertTrue(types.containsAll(List.of("LOGIN_SUCCESS", "REFRESH_ROTATED")), types.toString());
        JsonPath events = dave.api().get("/api/v1/me/security-events").then().statusCode(200).extract().jsonPath();
        assertEquals("REFRESH_TOKEN_REUSE", events.getString("items[0].type"), "newest first");
        assertEquals(true, events.getBoolean("items[0].details.sessionEnded"));
        // The session is over: the newest refresh token of it fails too.
        Keycloak.Answer afterReuse = Keycloak.refresh(current);
        assertEquals(400, afterReuse.status(), afterReuse.body().toString());
        // Provisioned from Keycloak's record, profile included.
        dave.api().get("/api/v1/me").then().statusCode(200).body("email", equalTo(dave.email()));
    }

    @Test
    void theLedgerPagesNewestFirst() {
        TestUser erin = Keycloak.newUser("erin", PASSWORD);
        Api.signIn(erin);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Keycloak.passwordGrant(erin.username(), PASSWORD).status());
        }
        Await.value(() -> types(erin), t -> t.stream().filter("LOGIN_SUCCESS"::equals).count() == 3, "three logins");
        JsonPath first = erin.api().queryParam("limit", 2).get("/api/v1/me/security-events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, first.getList("items").size());
        String next = first.getString("next");
        assertTrue(next != null, first.prettify());
        JsonPath second = erin.api().get(next).then().statusCode(200).extract().jsonPath();
        assertEquals(1, second.getList("items").size());
        assertEquals(null, second.getString("next"));
        Instant newest = Instant.parse(first.getString("items[0].occurredAt"));
        Instant oldest = Instant.parse(second.getString("items[0].occurredAt"));
        assertTrue(!newest.isBefore(oldest), newest + " before " + oldest);
    }

    @Test
    void theAutomaticCatchUpRestoresWhatKafkaNeverDeliveredAndMovesItsMark() throws Exception {
        TestUser gina = Keycloak.newUser("gina", PASSWORD);
        String id = aLoginKafkaNeverDelivered(gina);
        // ... after the last catch-up ran.
        try (Connection db = Db.superuser()) {
            execute(db, "UPDATE keycloak_event_catch_up SET replayed_until = ?",
                    java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
        }

        Instant before = Instant.now();
        KeycloakEventsReplay.ReplayView first = catchUp.catchUp();
        assertTrue(first.complete() && first.applied() >= 1, first.toString());
        assertEquals(List.of(id), gina.api().get("/api/v1/me/security-events").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.type == 'LOGIN_SUCCESS' }.id"), "restored with its own id");
        Instant mark = ((java.sql.Timestamp) Db.column("SELECT replayed_until FROM keycloak_event_catch_up").get(0))
                .toInstant();
        assertTrue(!mark.isBefore(before.minusSeconds(1)), "the mark moved to the run's start: " + mark);
        // The next run reads only the overlap window again and applies nothing twice.
        assertEquals(0, catchUp.catchUp().applied());
    }

    @Test
    void aReplayFromKeycloaksEventStoreRestoresAnEventKafkaNeverDelivered() throws Exception {
        TestUser frank = Keycloak.newUser("frank", PASSWORD);
        String id = aLoginKafkaNeverDelivered(frank);

        frank.api().post("/api/v1/operator/security-events/replay").then().statusCode(403);
        String operator = TestUser.named("operator").operatorToken();
        TestUser.api(operator).post("/api/v1/operator/security-events/replay").then().statusCode(200)
                .body("applied", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        TestUser.api(operator).post("/api/v1/operator/security-events/replay").then().statusCode(200);

        JsonPath events = frank.api().get("/api/v1/me/security-events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(id), events.getList("items.findAll { it.type == 'LOGIN_SUCCESS' }.id"),
                "restored once, with the id the listener gave it");
    }

    /**
     * The user signs in; once the login is in the ledger it is taken out again, as if the
     * listener had dropped it during an outage: not in the ledger, never processed. Its id.
     */
    private String aLoginKafkaNeverDelivered(TestUser user) throws Exception {
        Api.signIn(user);
        assertEquals(200, Keycloak.passwordGrant(user.username(), PASSWORD).status());
        Await.value(() -> types(user), t -> t.contains("LOGIN_SUCCESS"), "the login is recorded");
        String id = user.api().get("/api/v1/me/security-events").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.type == 'LOGIN_SUCCESS' }.id");
        try (Connection db = Db.superuser()) {
            execute(db, "DELETE FROM security_events WHERE id = ?", UUID.fromString(id));
            execute(db, "DELETE FROM processed_events WHERE consumer = 'identity.security-events' AND event_id = ?",
                    UUID.fromString(id));
        }
        assertTrue(!types(user).contains("LOGIN_SUCCESS"));
        return id;
    }

    private static void execute(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    private static List<String> types(TestUser user) {
        return user.api().queryParam("limit", 200).get("/api/v1/me/security-events").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
    }
}
