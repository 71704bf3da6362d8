package org.lifeos.identity.partner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;

/**
 * Partner apps against the real Keycloak: the client it makes, the tokens that client gets, and
 * what those tokens' scopes open on identity-service's own endpoints (through the platform's
 * {@code @Access} scope rule). That a planning:read token lists tasks and cannot create one across
 * services is the gateway system test's part; here the same rule is shown on identity's endpoints.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class PartnerAppsTest {

    private static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", max_age=300";

    @Test
    void aRegisteredAppIsAConfidentialClientWhoseTokensCarryOnlyItsScopes() {
        TestUser sam = TestUser.named("sam");
        Api.signIn(sam);
        JsonPath app = register(sam, "Habit sync", List.of("https://habits.example.com/callback",
                "http://127.0.0.1:8765/cb"), List.of("planning:read", "identity:read"));
        String clientId = app.getString("clientId");
        String secret = app.getString("clientSecret");
        assertNotNull(secret);

        JsonNode client = Keycloak.client(clientId);
        assertNotNull(client, "the client exists in Keycloak");
        assertFalse(client.get("publicClient").asBoolean());
        assertTrue(client.get("consentRequired").asBoolean());
        assertTrue(client.get("standardFlowEnabled").asBoolean());
        assertTrue(client.get("serviceAccountsEnabled").asBoolean());
        assertFalse(client.get("directAccessGrantsEnabled").asBoolean());
        assertEquals(Set.of("https://habits.example.com/callback", "http://127.0.0.1:8765/cb"),
                Set.copyOf(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(client.get("redirectUris"),
                        List.class)));
        String internalId = client.get("id").asText();
        assertEquals(List.of("acr", "basic", "lifeos-api"), Keycloak.clientScopes(internalId, "default"));
        assertEquals(List.of("identity:read", "planning:read"), Keycloak.clientScopes(internalId, "optional"));

        Keycloak.Answer granted = Keycloak.clientCredentials(clientId, secret, "planning:read identity:read");
        JsonNode claims = Keycloak.claims(granted.accessToken());
        assertTrue(claims.get("aud").toString().contains("lifeos-api"), "services accept it: " + claims.get("aud"));
        Set<String> scopes = Set.of(claims.get("scope").asText().split(" "));
        assertEquals(Set.of("planning:read", "identity:read"), scopes, "only its scopes");
        assertEquals(clientId, claims.get("azp").asText());

        Keycloak.Answer more = Keycloak.clientCredentials(clientId, secret, "planning:write");
        assertNotEquals(200, more.status(), "a scope it was not given is refused: " + more.body());

        // The scopes of that real token, on identity's own endpoints (signed test token, same scope and client).
        String asPartner = sam.partnerToken(clientId, claims.get("scope").asText());
        TestUser.api(asPartner).get("/api/v1/me").then().statusCode(200);
        TestUser.api(asPartner).body(Map.of("displayName", "Changed by a partner")).patch("/api/v1/me").then()
                .statusCode(403).body("detail", containsString("identity:write"));
        TestUser.api(asPartner).body(Map.of("name", "A circle")).post("/api/v1/circles").then().statusCode(403);
        TestUser.api(asPartner).get("/api/v1/partner-apps").then().statusCode(403);
    }

    @Test
    void registeringNeedsARecentSignInAndChangesNothingWithout() {
        TestUser tia = TestUser.named("tia");
        Api.signIn(tia);
        TestUser.api(tia.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(7))))
                .body(form("Stale", List.of("https://stale.example.com/cb"), List.of("health:read")))
                .post("/api/v1/partner-apps").then().statusCode(401).header("WWW-Authenticate", equalTo(CHALLENGE));
        assertEquals(0L, Db.count("SELECT count(*) FROM partner_apps WHERE owner_id = ?", tia.id()));
        // Acts for the caller: a circle named in X-Circle-Id (here one tia is no member of) is ignored.
        TestUser.api(tia.tokenAuthenticatedAt(null)).header("X-Circle-Id", java.util.UUID.randomUUID().toString())
                .get("/api/v1/partner-apps").then().statusCode(200).body("items", empty());
    }

    /** A client secret is shown once: a repeated Idempotency-Key gets a problem, never the secret again. */
    @Test
    void aRepeatedIdempotencyKeyNeverHandsTheClientSecretOutAgain() {
        TestUser ivo = TestUser.named("ivo");
        Api.signIn(ivo);
        String registering = "register-" + java.util.UUID.randomUUID();
        Map<String, Object> body = form("Once", List.of("https://once.example.com/cb"), List.of("health:read"));
        JsonPath app = ivo.api().header("Idempotency-Key", registering).body(body).post("/api/v1/partner-apps")
                .then().statusCode(201).header("Cache-Control", containsString("no-store")).extract().jsonPath();
        String secret = app.getString("clientSecret");
        assertNotNull(secret);
        String stale = ivo.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(10)));
        for (String token : List.of(stale, ivo.token())) {
            String replay = TestUser.api(token).header("Idempotency-Key", registering).body(body)
                    .post("/api/v1/partner-apps").then().statusCode(409)
                    .contentType("application/problem+json").header("Cache-Control", containsString("no-store"))
                    .body("type", equalTo("https://lifeos.dev/problems/secret-not-replayed"))
                    .extract().asString();
            assertFalse(replay.contains(secret), "the secret in a replay");
        }
        assertEquals(1L, Db.count("SELECT count(*) FROM partner_apps WHERE owner_id = ?", ivo.id()),
                "the repeat registered nothing");

        String rotating = "rotate-" + java.util.UUID.randomUUID();
        String rotated = ivo.api().header("Idempotency-Key", rotating)
                .post("/api/v1/partner-apps/{id}/secret", app.getString("id")).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().path("clientSecret");
        String again = TestUser.api(stale).header("Idempotency-Key", rotating)
                .post("/api/v1/partner-apps/{id}/secret", app.getString("id")).then().statusCode(409)
                .header("Cache-Control", containsString("no-store")).extract().asString();
        assertFalse(again.contains(rotated), "the rotated secret in a replay");
        assertEquals(200, Keycloak.clientCredentials(app.getString("clientId"), rotated, "health:read").status(),
                "the repeat did not rotate the secret a second time");
        assertEquals(0L, Db.count("SELECT count(*) FROM idempotency_keys WHERE user_id = ? AND body IS NOT NULL",
                ivo.id()), "no answer with a secret is stored");
    }

    @Test
    void redirectUrisAndScopesAreValidatedFieldByField() {
        TestUser uma = TestUser.named("uma");
        Api.signIn(uma);
        uma.api().body(form("Bad", List.of("http://app.example.com/cb", "https://app.example.com/cb#frag",
                        "https://*.example.com/cb", "myapp://callback", "https://ok.example.com/cb", "/relative"),
                        List.of("planning:read", "admin:everything")))
                .post("/api/v1/partner-apps").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("redirectUris[0]", "redirectUris[1]", "redirectUris[2]",
                        "redirectUris[3]", "redirectUris[5]", "scopes"))
                .body("errors.find { it.field == 'redirectUris[4]' }", nullValue());
        assertEquals(0L, Db.count("SELECT count(*) FROM partner_apps WHERE owner_id = ?", uma.id()));
    }

    @Test
    void onlyTheOwnerSeesRotatesAndDeletesAnAppAndDeletingItEndsItsCredentialsAndTokens() {
        TestUser val = TestUser.named("val");
        TestUser wes = TestUser.named("wes");
        Api.signIn(val);
        Api.signIn(wes);
        JsonPath app = register(val, "Bank feed", List.of("https://bank.example.com/cb"), List.of("finance:read"));
        String id = app.getString("id");
        String clientId = app.getString("clientId");
        String secret = app.getString("clientSecret");

        val.api().get("/api/v1/partner-apps").then().statusCode(200)
                .body("items.id", hasItems(id))
                .body("items[0].clientSecret", nullValue())
                .body("items[0].scopes", hasItems("finance:read"));
        wes.api().get("/api/v1/partner-apps").then().statusCode(200).body("items", empty());
        wes.api().get("/api/v1/partner-apps/{id}", id).then().statusCode(404);
        wes.api().delete("/api/v1/partner-apps/{id}", id).then().statusCode(404);
        wes.api().post("/api/v1/partner-apps/{id}/secret", id).then().statusCode(404);
        assertNotNull(Keycloak.client(clientId), "wes could not delete it");

        String rotated = val.api().post("/api/v1/partner-apps/{id}/secret", id).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("secretRotatedAt", notNullValue())
                .extract().path("clientSecret");
        assertNotEquals(secret, rotated);
        assertNotEquals(200, Keycloak.clientCredentials(clientId, secret, null).status(), "the old secret is dead");
        assertEquals(200, Keycloak.clientCredentials(clientId, rotated, "finance:read").status());
        // A user signs in through the app (consent screen and all): a token with a session behind it.
        TestUser yan = Keycloak.newUser("yan", "partner-user-password");
        Keycloak.Answer user = Keycloak.signInWithConsent(clientId, rotated, "https://bank.example.com/cb",
                yan.username(), "partner-user-password", "openid finance:read");
        Keycloak.Answer live = Keycloak.userinfo(user.accessToken());
        assertEquals(200, live.status(), "the user's token works at userinfo: " + live.body());
        assertEquals(yan.id().toString(), live.body().get("sub").asText());

        val.api().delete("/api/v1/partner-apps/{id}", id).then().statusCode(204);
        assertNull(Keycloak.client(clientId), "the Keycloak client is gone");
        Keycloak.Answer refused = Keycloak.clientCredentials(clientId, rotated, null);
        assertNotEquals(200, refused.status(), refused.body().toString());
        Keycloak.Answer dead = Keycloak.userinfo(user.accessToken());
        assertNotEquals(200, dead.status(), "the app's tokens fail at userinfo: " + dead.body());
        assertNotEquals(200, Keycloak.refreshAs(clientId, rotated, user.refreshToken()).status(),
                "nor can they be refreshed");
        val.api().get("/api/v1/partner-apps/{id}", id).then().statusCode(404);
        assertEquals(List.of("partner_app.registered", "partner_app.secret_rotated", "partner_app.deleted"),
                Db.column("SELECT action FROM audit_logs WHERE actor_id = ? AND entity_id = ? ORDER BY seq",
                        val.id(), id));
    }

    @Test
    void aUsersConsentToAnAppIsListedAndRevokingItEndsTheAppsTokensForThem() {
        TestUser dev = TestUser.named("dev");
        Api.signIn(dev);
        String redirect = "http://127.0.0.1:8765/cb";
        JsonPath app = register(dev, "Planner", List.of(redirect), List.of("planning:read"));
        String clientId = app.getString("clientId");
        TestUser xan = Keycloak.newUser("xan", "consent-test-password");
        xan.api().get("/api/v1/me/consents").then().statusCode(200).body("items", empty());
        xan.api().delete("/api/v1/me/consents/{client}", clientId).then().statusCode(404);

        Keycloak.Answer signedIn = Keycloak.signInWithConsent(clientId, app.getString("clientSecret"), redirect,
                xan.username(), "consent-test-password", "openid planning:read");
        assertTrue(Keycloak.claims(signedIn.accessToken()).get("scope").asText().contains("planning:read"));
        xan.api().get("/api/v1/me/consents").then().statusCode(200)
                .body("items.clientId", hasItems(clientId))
                .body("items.find { it.clientId == '" + clientId + "' }.scopes", hasItems("planning:read"))
                .body("items.find { it.clientId == '" + clientId + "' }.grantedAt", notNullValue());
        TestUser.api(xan.partnerToken(clientId, "planning:read identity:read identity:write"))
                .get("/api/v1/me/consents").then().statusCode(403);

        xan.api().delete("/api/v1/me/consents/{client}", clientId).then().statusCode(204);
        xan.api().get("/api/v1/me/consents").then().statusCode(200).body("items", empty());
        Keycloak.Answer refreshed = Keycloak.refreshAs(clientId, app.getString("clientSecret"),
                signedIn.refreshToken());
        assertNotEquals(200, refreshed.status(), "the app's refresh token for xan is dead: " + refreshed.body());
    }

    @Test
    void theRuntimeRoleSeesAndWritesOnlyTheTransactionsUsersApps() throws java.sql.SQLException {
        TestUser zoe = TestUser.named("zoe");
        TestUser abe = TestUser.named("abe");
        Api.signIn(zoe);
        Api.signIn(abe);
        String id = register(zoe, "Private app", List.of("https://zoe.example.com/cb"), List.of("content:read"))
                .getString("id");
        try (java.sql.Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            Db.asUser(app, abe.id());
            assertEquals(List.of(), Db.column(app, "SELECT id FROM partner_apps WHERE id = ?::uuid", id));
            assertEquals(0, Db.update(app, "DELETE FROM partner_apps WHERE id = ?::uuid", id));
            java.sql.SQLException forged = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> Db.update(app, "INSERT INTO partner_apps (id, owner_id, name, client_id, keycloak_id, "
                            + "redirect_uris, scopes) VALUES (gen_random_uuid(), ?, 'Forged', 'forged', 'forged', "
                            + "'[]', '[]')", zoe.id()));
            assertEquals("42501", forged.getSQLState(), "row-level security refuses a row for someone else");
            app.rollback();
            Db.asUser(app, zoe.id());
            assertEquals(1, Db.column(app, "SELECT id FROM partner_apps WHERE id = ?::uuid", id).size());
            app.rollback();
        }
    }

    private static JsonPath register(TestUser owner, String name, List<String> redirectUris, List<String> scopes) {
        return owner.api().body(form(name, redirectUris, scopes)).post("/api/v1/partner-apps").then().statusCode(201)
                .header("Location", containsString("/api/v1/partner-apps/"))
                .header("Cache-Control", containsString("no-store"))
                .body("name", equalTo(name))
                .extract().jsonPath();
    }

    private static Map<String, Object> form(String name, List<String> redirectUris, List<String> scopes) {
        return Map.of("name", name, "redirectUris", redirectUris, "scopes", scopes);
    }
}
