package org.lifeos.identity.recovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Recovery keys against the real Keycloak: the new password is set there and signs in there.
 * Each test calls the public endpoint "from" its own address (X-Forwarded-For from a trusted
 * peer), so the per-address limit of one test never touches another.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class RecoveryKeysTest {

    private static final String PASSWORD = "recovery-test-password";
    private static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", max_age=300";

    @Inject
    RecoverySettings settings;
    @Inject
    EntityManager entityManager;

    @Test
    void tenKeysAreShownOnceStoredAsArgon2HashesAndAKeyWorksOnceThenNever() {
        TestUser mia = signedUp("mia");
        String address = address();
        TestUser.api(mia.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(10))))
                .post("/api/v1/me/recovery-keys").then().statusCode(401).header("WWW-Authenticate", equalTo(CHALLENGE));
        assertEquals(0L, Db.count("SELECT count(*) FROM recovery_keys WHERE user_id = ?", mia.id()));

        List<String> keys = mia.api().post("/api/v1/me/recovery-keys").then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("keys", hasSize(10))
                .extract().path("keys");
        assertEquals(10, new HashSet<>(keys).size());
        List<Object> hashes = Db.column("SELECT key_hash FROM recovery_keys WHERE user_id = ?", mia.id());
        assertEquals(10, hashes.size());
        for (Object hash : hashes) {
            assertTrue(hash.toString().startsWith("$argon2id$"), hash.toString());
            keys.forEach(k -> assertFalse(hash.toString().contains(k.replace("-", "")), "no key in clear text"));
        }
        mia.api().header("X-Circle-Id", UUID.randomUUID().toString()).get("/api/v1/me/recovery-keys").then()
                .statusCode(200).body("total", equalTo(10)).body("remaining", equalTo(10));
        Keycloak.Answer before = Keycloak.passwordGrant(mia.username(), PASSWORD);
        assertEquals(200, before.status());

        // Typed sloppily: lower case, spaces instead of dashes.
        String sloppy = keys.get(3).toLowerCase().replace('-', ' ');
        redeem(mia.email(), sloppy, "brand-new-password-42", address).then().statusCode(204);
        Keycloak.Answer after = Keycloak.passwordGrant(mia.username(), "brand-new-password-42");
        assertEquals(200, after.status(), after.body().toString());
        assertEquals(400, Keycloak.refresh(before.refreshToken()).status(), "every earlier session was ended");

        redeem(mia.username(), keys.get(3), "another-new-password-43", address).then().statusCode(400)
                .body("errors.field", hasItem("key"));
        Keycloak.Answer unchanged = Keycloak.passwordGrant(mia.username(), "brand-new-password-42");
        assertEquals(200, unchanged.status(), "a used key changes nothing: " + unchanged.body());
        mia.api().get("/api/v1/me/recovery-keys").then().body("total", equalTo(10)).body("remaining", equalTo(9));
        assertEquals(List.of("RECOVERY_KEY_REGENERATED", "RECOVERY_KEY_USED"), Db.column(
                "SELECT type FROM security_events WHERE user_id = ? AND type LIKE 'RECOVERY%' ORDER BY created_at",
                mia.id()));
        // Last: a wrong password counts against the account in Keycloak's brute-force detection,
        // and in one CI run a correct sign-in 90 ms after it was refused as user_disabled.
        Keycloak.Answer old = Keycloak.passwordGrant(mia.username(), PASSWORD);
        assertNotEquals(200, old.status(), "the old password is gone: " + old.body());
    }

    /**
     * The audit's replay: keys made in sudo mode with an Idempotency-Key must not come back to a
     * token without sudo that sends the same key (nor to anyone else); nor is the first refusal
     * (401, no sudo yet) kept, so the step-up retry with the same key runs.
     */
    @Test
    void aRepeatedIdempotencyKeyNeverHandsTheKeysOutAgain() {
        TestUser uli = signedUp("uli");
        String idempotencyKey = "keys-" + UUID.randomUUID();
        String stale = uli.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(10)));
        TestUser.api(stale).header("Idempotency-Key", idempotencyKey).post("/api/v1/me/recovery-keys").then()
                .statusCode(401).header("WWW-Authenticate", equalTo(CHALLENGE));

        List<String> keys = uli.api().header("Idempotency-Key", idempotencyKey).post("/api/v1/me/recovery-keys")
                .then().statusCode(201).header("Cache-Control", containsString("no-store"))
                .body("keys", hasSize(10)).extract().path("keys");

        for (String token : List.of(stale, uli.token())) {
            Response replay = TestUser.api(token).header("Idempotency-Key", idempotencyKey)
                    .post("/api/v1/me/recovery-keys");
            replay.then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://lifeos.dev/problems/secret-not-replayed"))
                    .header("Cache-Control", containsString("no-store"));
            keys.forEach(key -> assertFalse(replay.asString().contains(key), "a key in the replay"));
        }
        assertEquals(10L, Db.count("SELECT count(*) FROM recovery_keys WHERE user_id = ? AND revoked_at IS NULL",
                uli.id()), "the repeat made no second set");
        assertEquals(0L, Db.count("SELECT count(*) FROM idempotency_keys WHERE user_id = ? AND body IS NOT NULL",
                uli.id()), "no answer with keys is stored");
    }

    @Test
    void regeneratingRevokesWhatIsLeftOfTheOldSet() {
        TestUser noa = signedUp("noa");
        String address = address();
        List<String> old = newKeys(noa);
        List<String> current = newKeys(noa);
        redeem(noa.username(), old.get(0), "noas-new-password-1", address).then().statusCode(400);
        redeem(noa.username(), current.get(0), "noas-new-password-1", address).then().statusCode(204);
        assertEquals(10L, Db.count("SELECT count(*) FROM recovery_keys WHERE user_id = ? AND revoked_at IS NOT NULL",
                noa.id()));
        assertEquals(2L, Db.count("SELECT count(*) FROM security_events WHERE user_id = ? AND type = 'RECOVERY_KEY_REGENERATED'",
                noa.id()));
    }

    @Test
    void aPasswordTheRealmRefusesIsA400WithKeycloaksReasonAndTheKeyStaysUsable() {
        TestUser ola = signedUp("ola");
        String address = address();
        List<String> keys = newKeys(ola);
        redeem(ola.username(), keys.get(0), "short", address).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("newPassword"))
                .body("detail", containsString("length"));
        assertEquals(200, Keycloak.passwordGrant(ola.username(), PASSWORD).status(), "the password did not change");
        redeem(ola.username(), keys.get(0), "olas-long-enough-password", address).then().statusCode(204);
    }

    @Test
    void anUnknownAccountAndAWrongKeyGetTheSameAnswer() {
        TestUser pam = signedUp("pam");
        String address = address();
        newKeys(pam);
        Response wrongKey = redeem(pam.username(), "AAAAA-BBBBB-CCCCC-DDDDD", "pams-new-password-1", address);
        Response noAccount = redeem("nobody-" + UUID.randomUUID(), "AAAAA-BBBBB-CCCCC-DDDDD", "pams-new-password-1",
                address);
        assertEquals(400, wrongKey.statusCode());
        assertEquals(wrongKey.statusCode(), noAccount.statusCode());
        assertEquals(wrongKey.jsonPath().getString("detail"), noAccount.jsonPath().getString("detail"));
        assertEquals(wrongKey.jsonPath().getList("errors"), noAccount.jsonPath().getList("errors"));
    }

    @Test
    void guessingIsLimitedPerAccountEvenTheRightKeyThen() {
        TestUser quin = signedUp("quin");
        List<String> keys = newKeys(quin);
        for (int i = 0; i < 5; i++) {
            redeem(i % 2 == 0 ? quin.username() : quin.email(), "WRONG-WRONG-WRONG-" + i, "quins-new-password-1", address()).then().statusCode(400);
        }
        Response limited = redeem(quin.email(), keys.get(0), "quins-new-password-1", address());
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("type", containsString("rate-limited"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0, limited.header("Retry-After"));
        assertEquals(200, Keycloak.passwordGrant(quin.username(), PASSWORD).status(), "nothing changed");
    }

    @Test
    void guessingIsLimitedPerAddressAcrossAccounts() {
        String address = address();
        guessUpToTheLimit(address);
        redeem("guess-" + UUID.randomUUID(), "AAAAA-BBBBB-CCCCC-DDDDD", "any-new-password-1", address)
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Another address is not held back.
        redeem("guess-" + UUID.randomUUID(), "AAAAA-BBBBB-CCCCC-DDDDD", "any-new-password-1", address())
                .then().statusCode(400);
    }

    /**
     * Two replicas share one count: a second RecoveryLimits (another replica's, on the same
     * database) refuses what the first has used up, and an attempt that fails still counts.
     */
    @Test
    void everyReplicaCountsAgainstTheSameLimit() {
        String address = address();
        guessUpToTheLimit(address);
        RecoveryLimits otherReplica = new RecoveryLimits(settings, entityManager);
        RecoveryLimits.RateLimited refused = assertThrows(
                RecoveryLimits.RateLimited.class, () -> otherReplica.attempt("someone-else", address));
        assertTrue(refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= 15 * 60 + 1,
                String.valueOf(refused.retryAfterSeconds()));
        assertEquals(9L, Db.count("SELECT attempts FROM recovery_attempts WHERE scope = 'address' AND key = ?", address),
                "eight failed attempts through the API and the one the other replica refused all count");
    }

    @Test
    void theRuntimeRoleSeesOnlyTheTransactionsUsersKeysAndCanNeitherRewriteNorDeleteThem() throws SQLException {
        TestUser ada = signedUp("ada");
        TestUser bea = TestUser.named("bea");
        Api.signIn(bea);
        newKeys(ada);
        try (Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            Db.asUser(app, bea.id());
            assertEquals(0L, ((Number) Db.column(app, "SELECT count(*) FROM recovery_keys WHERE user_id = ?",
                    ada.id()).get(0)).longValue(), "another user's keys are invisible");
            assertEquals(0, Db.update(app, "UPDATE recovery_keys SET used_at = now() WHERE user_id = ?", ada.id()),
                    "nor can they be used up");
            app.rollback();
            Db.asUser(app, ada.id());
            assertEquals(10L, ((Number) Db.column(app, "SELECT count(*) FROM recovery_keys WHERE user_id = ?",
                    ada.id()).get(0)).longValue());
            SQLException rewrite = assertThrows(SQLException.class,
                    () -> Db.update(app, "UPDATE recovery_keys SET key_hash = 'known' WHERE user_id = ?", ada.id()));
            assertEquals("42501", rewrite.getSQLState(), rewrite.getMessage());
            app.rollback();
            Db.asUser(app, ada.id());
            SQLException delete = assertThrows(SQLException.class,
                    () -> Db.update(app, "DELETE FROM recovery_keys WHERE user_id = ?", ada.id()));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            app.rollback();
        }
        assertEquals(10L, Db.count("SELECT count(*) FROM recovery_keys WHERE user_id = ? AND used_at IS NULL",
                ada.id()));
    }

    @Test
    void aPartnerAppCannotMakeRecoveryKeys() {
        TestUser rae = TestUser.named("rae");
        Api.signIn(rae);
        TestUser.api(rae.partnerToken("partner-anything", "identity:read identity:write"))
                .post("/api/v1/me/recovery-keys").then().statusCode(403);
        assertEquals(0L, Db.count("SELECT count(*) FROM recovery_keys WHERE user_id = ?", rae.id()));
    }

    /** A Keycloak user who has signed in to LifeOS once (so identity-service knows their name). */
    private static TestUser signedUp(String name) {
        TestUser user = Keycloak.newUser(name, PASSWORD);
        Api.signIn(user);
        return user;
    }

    /** A new set of keys, made in sudo mode (the test token's sign-in is now). */
    private static List<String> newKeys(TestUser user) {
        return user.api().post("/api/v1/me/recovery-keys").then().statusCode(201).extract().path("keys");
    }

    private static Response redeem(String login, String key, String newPassword, String address) {
        return given().contentType("application/json").header("X-Forwarded-For", "198.51.100.99, " + address)
                .body(Map.of("login", login, "key", key, "newPassword", newPassword))
                .post("/public/v1/recovery/password");
    }

    /** Eight wrong guesses from {@code address}, each at an account that does not exist: its whole allowance. */
    private static void guessUpToTheLimit(String address) {
        for (int i = 0; i < 8; i++) {
            redeem("guess-" + UUID.randomUUID(), "AAAAA-BBBBB-CCCCC-DDDD" + i, "any-new-password-1", address)
                    .then().statusCode(400);
        }
    }

    /** A documentation address (RFC 5737) of its own. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250) + "." + (1 + n % 250);
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();
}
