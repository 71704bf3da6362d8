package org.lifeos.identity.user;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/**
 * A partner app's token with {@code identity:write} and a sign-in a moment ago (a fresh
 * {@code auth_time}, which partner tokens carry too) still does none of what is LifeOS's own apps'
 * alone: no sudo action, no member or policy change, no hand-over, no look at the security ledger.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FirstPartyTest {

    private static final String PARTNER = "partner-first-party-test";
    private static final List<Map<String, Object>> OVERRIDES = List.of(Map.of("role", "visitor",
            "resource", "tasks", "action", "write", "allowed", true));

    @Test
    void aPartnerTokenWithIdentityWriteAndAFreshSignInIsRefusedEveryFirstPartyActionAndChangesNothing() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser developer = TestUser.named("developer");
        Api.signIn(alice);
        Api.signIn(developer);
        UUID circle = Api.createCircle(alice, "Family");
        Api.addMember(alice, circle, bob, "editor");
        String partner = alice.partnerToken(PARTNER, "identity:read identity:write");

        refused(TestUser.api(partner).body(Map.of("userId", developer.id().toString(), "role", "admin"))
                .post("/api/v1/circles/{id}/members", circle));
        refused(TestUser.api(partner).body(Map.of("role", "visitor"))
                .patch("/api/v1/circles/{id}/members/{user}", circle, bob.id()));
        refused(TestUser.api(partner).delete("/api/v1/circles/{id}/members/{user}", circle, bob.id()));
        refused(TestUser.api(partner).body(Map.of("overrides", OVERRIDES)).put("/api/v1/circles/{id}/policies", circle));
        refused(TestUser.api(partner).body(Map.of("userId", bob.id().toString()))
                .post("/api/v1/circles/{id}/transfer-ownership", circle));
        refused(TestUser.api(partner).delete("/api/v1/circles/{id}", circle));
        refused(TestUser.api(partner).get("/api/v1/me/security-events"));
        refused(TestUser.api(partner).get("/api/v1/me/security-state"));
        refused(TestUser.api(partner).post("/api/v1/me/recovery-keys"));
        refused(TestUser.api(partner).delete("/api/v1/me"));

        assertEquals(List.of("owner", "editor"), Db.column(
                "SELECT role FROM circle_members WHERE tenant_id = ? AND user_id IN (?, ?, ?) ORDER BY role DESC",
                circle, alice.id(), bob.id(), developer.id()), "alice owner, bob editor, the developer not in");
        assertEquals(1L, Db.count("SELECT count(*) FROM circles WHERE id = ? AND status = 'active' AND owner_id = ?",
                circle, alice.id()));
        assertEquals(0L, Db.count("SELECT count(*) FROM permission_policies WHERE tenant_id = ?", circle));
        assertEquals(0L, Db.count("SELECT count(*) FROM sudo_sessions WHERE user_id = ?", alice.id()),
                "a partner token never opens a sudo window");
        assertEquals(1L, Db.count("SELECT count(*) FROM users WHERE id = ? AND deleted_at IS NULL", alice.id()));

        // Reading the circle and its members stays open to a partner with identity:read.
        TestUser.api(partner).get("/api/v1/circles/{id}/members", circle).then().statusCode(200);
        // The same actions from LifeOS's own app, signed in just now, still work.
        alice.api().body(Map.of("userId", developer.id().toString(), "role", "visitor"))
                .post("/api/v1/circles/{id}/members", circle).then().statusCode(201);
        alice.api().body(Map.of("overrides", OVERRIDES)).put("/api/v1/circles/{id}/policies", circle)
                .then().statusCode(200);
        alice.api().get("/api/v1/me/security-events").then().statusCode(200);
        alice.api().body(Map.of("userId", bob.id().toString())).post("/api/v1/circles/{id}/transfer-ownership", circle)
                .then().statusCode(200).body("role", equalTo("admin"));
        assertEquals(1L, Db.count("SELECT count(*) FROM circles WHERE id = ? AND owner_id = ?", circle, bob.id()));
    }

    private static void refused(Response response) {
        response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
