package org.lifeos.identity.apikey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/**
 * Personal access tokens on identity-service: made only in sudo mode and shown once, stored as
 * their SHA-256, listed without the token, accepted like a partner app's token of the user with the
 * key's scopes, refused on the very next request after revocation and after expiry, never anyone
 * else's to revoke. That a planning:read token lists tasks and cannot create one through the
 * gateway is the gateway system test's part.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiKeysTest {

    private static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", max_age=300";

    @Test
    void makingATokenNeedsSudoModeAndItIsShownOnceAndStoredHashed() throws Exception {
        TestUser ann = TestUser.named("ann");
        Api.signIn(ann);
        TestUser.api(ann.tokenAuthenticatedAt(Instant.now().minusSeconds(3600)))
                .body(Map.of("name", "script", "scopes", List.of("identity:read")))
                .post("/api/v1/api-keys").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo(CHALLENGE));
        TestUser.api(ann.tokenAuthenticatedAt(null))
                .body(Map.of("name", "script", "scopes", List.of("identity:read")))
                .post("/api/v1/api-keys").then().statusCode(401).header("WWW-Authenticate", equalTo(CHALLENGE));
        assertEquals(0, Db.count("SELECT count(*) FROM api_keys WHERE owner_id = ?", ann.id()), "nothing written");

        ExtractableResponse<Response> made = ann.api().body(Map.of("name", "  backup script ",
                        "scopes", List.of("identity:read", "planning:read")))
                .post("/api/v1/api-keys").then().statusCode(201).header("Cache-Control", "no-store")
                .header("Location", containsString("/api/v1/api-keys/"))
                .body("name", equalTo("backup script")).body("token", startsWith("lopat_"))
                .body("scopes", equalTo(List.of("identity:read", "planning:read")))
                .body("expiresAt", nullValue()).extract();
        String token = made.path("token");
        String id = made.path("id");
        assertEquals(49, token.length(), "lopat_ and 43 base64url characters (256 bits)");
        assertEquals(token.substring(0, 12), made.path("prefix"));

        ann.api().get("/api/v1/api-keys").then().statusCode(200).body("items.id", hasItem(id))
                .body("items[0].token", nullValue()).body("items[0].prefix", equalTo(token.substring(0, 12)));
        String listed = ann.api().get("/api/v1/api-keys/" + id).then().statusCode(200).extract().asString();
        assertFalse(listed.contains(token), "the token is never shown again");

        byte[] stored = (byte[]) Db.column("SELECT token_hash FROM api_keys WHERE id = ?::uuid", id).get(0);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)), stored);
        String row = String.valueOf(Db.column("SELECT row_to_json(k)::text FROM api_keys k WHERE id = ?::uuid", id).get(0));
        assertFalse(row.contains(token.substring(6)), "no column holds the token");
        assertEquals(List.of("api_key.created"), Db.column(
                "SELECT action FROM audit_logs WHERE entity_id = ? ORDER BY occurred_at", id));
    }

    @Test
    void aTokenActsForItsUserWithOnlyItsScopesAndRecordsItsUse() {
        TestUser bea = TestUser.named("bea");
        Api.signIn(bea);
        String token = make(bea, Map.of("name", "reader", "scopes", List.of("identity:read"))).path("token");
        String id = make(bea, Map.of("name", "other", "scopes", List.of("planning:read"))).path("id");

        TestUser.api(token).get("/api/v1/me").then().statusCode(200).body("id", equalTo(bea.id().toString()));
        TestUser.api(token).get("/api/v1/circles").then().statusCode(200);
        TestUser.api(token).body(Map.of("displayName", "Changed by a script")).patch("/api/v1/me").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("identity:write"));
        // Never a first-party app: no sudo mode, no account endpoints, no tokens made by tokens.
        TestUser.api(token).get("/api/v1/api-keys").then().statusCode(403);
        TestUser.api(token).body(Map.of("name", "child", "scopes", List.of("identity:read")))
                .post("/api/v1/api-keys").then().statusCode(403);
        TestUser.api(token).delete("/api/v1/api-keys/" + id).then().statusCode(403);
        bea.api().get("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", nullValue());

        bea.api().get("/api/v1/api-keys").then().statusCode(200)
                .body("items.find { it.name == 'reader' }.lastUsedAt", notNullValue())
                .body("items.find { it.name == 'reader' }.lastUsedAddress", notNullValue())
                .body("items.find { it.name == 'other' }.lastUsedAt", nullValue());
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
        TestUser cid = TestUser.named("cid");
        Api.signIn(cid);
        ExtractableResponse<Response> made = make(cid, Map.of("name", "cron", "scopes", List.of("identity:read")));
        String token = made.path("token");
        String id = made.path("id");
        TestUser.api(token).get("/api/v1/me").then().statusCode(200); // cached as active now

        cid.api().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        TestUser.api(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        cid.api().get("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        cid.api().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        TestUser.api(token).get("/api/v1/me").then().statusCode(401);
        assertEquals(List.of("api_key.created", "api_key.revoked"), Db.column(
                "SELECT action FROM audit_logs WHERE entity_id = ? ORDER BY occurred_at", id));
    }

    /**
     * A revocation committed by another identity-service replica (here: another database session, not
     * this process) ends the token here too, long before this replica's 30-second cache would.
     */
    @Test
    void aTokenRevokedThroughAnotherReplicaIsRefusedHereWithoutWaitingForTheCache() throws Exception {
        TestUser eve = TestUser.named("eve");
        Api.signIn(eve);
        ExtractableResponse<Response> made = make(eve, Map.of("name", "nightly", "scopes", List.of("identity:read")));
        String token = made.path("token");
        TestUser.api(token).get("/api/v1/me").then().statusCode(200); // cached as active now
        try (Connection elsewhere = Db.superuser()) {
            assertEquals(1, Db.update(elsewhere, "UPDATE api_keys SET revoked_at = now() WHERE id = ?",
                    UUID.fromString(made.path("id"))));
        }
        int status = 200;
        for (int attempt = 0; attempt < 50 && status != 401; attempt++) {
            Thread.sleep(100); // the notification is asynchronous: allow it five seconds, not the cache's thirty
            status = TestUser.api(token).get("/api/v1/me").then().extract().statusCode();
        }
        assertEquals(401, status, "the other replica's revocation reached this one");
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        TestUser dot = TestUser.named("dot");
        Api.signIn(dot);
        // Long enough to be made and used once on a slow, shared machine.
        Instant expires = Instant.now().plusSeconds(8);
        String token = make(dot, Map.of("name", "short", "scopes", List.of("identity:read"),
                "expiresAt", expires.toString())).path("token");
        TestUser.api(token).get("/api/v1/me").then().statusCode(200);
        while (!Instant.now().isAfter(expires.plusMillis(200))) {
            Thread.sleep(200);
        }
        TestUser.api(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        TestUser.api("lopat_" + "A".repeat(43)).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anotherUsersTokenCannotBeSeenOrRevoked() {
        TestUser eve = TestUser.named("eve");
        TestUser fay = TestUser.named("fay");
        Api.signIn(eve);
        Api.signIn(fay);
        ExtractableResponse<Response> made = make(fay, Map.of("name", "fay's", "scopes", List.of("identity:read")));
        String id = made.path("id");
        eve.api().delete("/api/v1/api-keys/" + id).then().statusCode(404).contentType("application/problem+json");
        eve.api().get("/api/v1/api-keys/" + id).then().statusCode(404);
        eve.api().get("/api/v1/api-keys").then().statusCode(200).body("items.id", not(hasItem(id)));
        TestUser.api(made.path("token")).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(fay.id().toString()));
        eve.api().delete("/api/v1/api-keys/not-a-uuid").then().statusCode(400);
    }

    @Test
    void badFormsAreProblemsNamingTheFieldAndWriteNothing() {
        TestUser gus = TestUser.named("gus");
        Api.signIn(gus);
        gus.api().body(Map.of("name", "x", "scopes", List.of("planning:read", "admin:all")))
                .post("/api/v1/api-keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scopes"));
        gus.api().body(Map.of("name", "x", "scopes", List.of("identity:read"),
                        "expiresAt", Instant.now().minusSeconds(60).toString()))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        gus.api().body(Map.of("scopes", List.of("identity:read"))).post("/api/v1/api-keys").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        gus.api().body(Map.of("name", "x", "scopes", List.of())).post("/api/v1/api-keys").then().statusCode(400)
                .body("errors.field", hasItem("scopes"));
        Map<String, Object> form = new HashMap<>(Map.of("name", "x", "scopes", List.of("identity:read")));
        form.put("expiresAt", "tomorrow");
        gus.api().body(form).post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        assertEquals(0, Db.count("SELECT count(*) FROM api_keys WHERE owner_id = ?", gus.id()), "nothing written");
    }

    @Test
    void theRuntimeRoleCanNeitherChangeNorDeleteAKeysHashScopesOrExpiry() throws SQLException {
        TestUser hal = TestUser.named("hal");
        Api.signIn(hal);
        String id = make(hal, Map.of("name", "fixed", "scopes", List.of("identity:read"))).path("id");
        try (Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            Db.asUser(app, hal.id());
            assertThrows(SQLException.class, () -> Db.update(app,
                    "UPDATE api_keys SET scopes = '[\"identity:write\"]' WHERE id = ?::uuid", id));
            app.rollback();
            Db.asUser(app, hal.id());
            assertThrows(SQLException.class, () -> Db.update(app, "DELETE FROM api_keys WHERE id = ?::uuid", id));
            app.rollback();
        }
        assertTrue(Db.count("SELECT count(*) FROM api_keys WHERE id = ?::uuid AND scopes = '[\"identity:read\"]'",
                UUID.fromString(id)) == 1);
    }

    private static ExtractableResponse<Response> make(TestUser owner, Map<String, Object> form) {
        return owner.api().body(form).post("/api/v1/api-keys").then().statusCode(201).extract();
    }
}
