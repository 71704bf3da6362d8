package org.lifeos.identity.sudo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/**
 * Sudo mode with signed test tokens whose auth_time the test sets (Keycloak's password-grant
 * tokens carry no auth_time at all).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SudoModeTest {

    private static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", max_age=300";
    private static final List<Map<String, Object>> OVERRIDES = List.of(Map.of("role", "visitor",
            "resource", "tasks", "action", "write", "allowed", true));

    @Test
    void aStaleSignInGets401WithTheStepUpChallengeAndChangesNothing() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Guarded");
        Api.addMember(alice, circle, bob, "editor");
        String stale = alice.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(6)));
        String none = alice.tokenAuthenticatedAt(null);

        for (String token : List.of(stale, none)) {
            challenged(TestUser.api(token).delete("/api/v1/circles/{id}/members/{user}", circle, bob.id()).then());
            challenged(TestUser.api(token).delete("/api/v1/circles/{id}", circle).then());
            challenged(TestUser.api(token).body(Map.of("overrides", OVERRIDES))
                    .put("/api/v1/circles/{id}/policies", circle).then());
        }
        assertEquals(1L, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ? AND user_id = ?",
                circle, bob.id()), "bob is still a member");
        assertEquals(1L, Db.count("SELECT count(*) FROM circles WHERE id = ? AND status = 'active'", circle));
        assertEquals(0L, Db.count("SELECT count(*) FROM permission_policies WHERE tenant_id = ?", circle));
        assertEquals(0L, Db.count("SELECT count(*) FROM sudo_sessions WHERE user_id = ?", alice.id()));

        // Reading and harmless changes need no recent sign-in.
        TestUser.api(stale).get("/api/v1/circles/{id}/members", circle).then().statusCode(200);
        TestUser.api(stale).body(Map.of("name", "Renamed")).patch("/api/v1/circles/{id}", circle)
                .then().statusCode(200);
        // Leaving is not removing someone else.
        TestUser.api(bob.tokenAuthenticatedAt(null)).delete("/api/v1/circles/{id}/members/{user}", circle, bob.id())
                .then().statusCode(204);
    }

    @Test
    void aFreshSignInPassesAndOpensOneRecordedSudoWindow() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser carl = TestUser.named("carl");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Stepped up");
        Api.addMember(alice, circle, bob, "editor");
        Api.addMember(alice, circle, carl, "visitor");
        Instant signedIn = Instant.now().minus(Duration.ofMinutes(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String fresh = alice.tokenAuthenticatedAt(signedIn);

        TestUser.api(fresh).delete("/api/v1/circles/{id}/members/{user}", circle, bob.id()).then().statusCode(204);
        TestUser.api(fresh).body(Map.of("overrides", OVERRIDES)).put("/api/v1/circles/{id}/policies", circle)
                .then().statusCode(200);
        TestUser.api(fresh).delete("/api/v1/circles/{id}/members/{user}", circle, carl.id()).then().statusCode(204);

        assertEquals(List.of(signedIn), Db.column("SELECT auth_time FROM sudo_sessions WHERE user_id = ?", alice.id())
                .stream().map(t -> ((Timestamp) t).toInstant()).toList(), "one window per sign-in");
        assertEquals(List.of(signedIn.plus(Duration.ofMinutes(5))),
                Db.column("SELECT expires_at FROM sudo_sessions WHERE user_id = ?", alice.id())
                        .stream().map(t -> ((Timestamp) t).toInstant()).toList());
        assertEquals(List.of("member.remove"),
                Db.column("SELECT action FROM sudo_sessions WHERE user_id = ?", alice.id()));
        assertEquals(List.of("SUDO_MODE_ENABLED"),
                Db.column("SELECT type FROM security_events WHERE user_id = ?", alice.id()));

        TestUser.api(fresh).delete("/api/v1/circles/{id}", circle).then().statusCode(204);
        String later = alice.tokenAuthenticatedAt(Instant.now());
        UUID another = Api.createCircle(alice, "Another");
        TestUser.api(later).delete("/api/v1/circles/{id}", another).then().statusCode(204);
        assertEquals(2L, Db.count("SELECT count(*) FROM security_events WHERE user_id = ? AND type = 'SUDO_MODE_ENABLED'",
                alice.id()), "a new sign-in opens a new window");
    }

    @Test
    void handingACircleOverNeedsARecentSignIn() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Handed over");
        Api.addMember(alice, circle, bob, "admin");
        Map<String, String> toBob = Map.of("userId", bob.id().toString());
        for (String token : List.of(alice.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(6))),
                alice.tokenAuthenticatedAt(null))) {
            challenged(TestUser.api(token).body(toBob).post("/api/v1/circles/{id}/transfer-ownership", circle).then());
        }
        assertEquals(1L, Db.count("SELECT count(*) FROM circles WHERE id = ? AND owner_id = ?", circle, alice.id()));
        assertEquals(List.of("admin"), Db.column("SELECT role FROM circle_members WHERE tenant_id = ? AND user_id = ?",
                circle, bob.id()));

        TestUser.api(alice.token()).body(toBob).post("/api/v1/circles/{id}/transfer-ownership", circle).then()
                .statusCode(200);
        assertEquals(1L, Db.count("SELECT count(*) FROM circles WHERE id = ? AND owner_id = ?", circle, bob.id()));
        assertEquals(List.of("circle.transfer_ownership"),
                Db.column("SELECT action FROM sudo_sessions WHERE user_id = ?", alice.id()));
    }

    @Test
    void permissionComesBeforeSudo() {
        TestUser alice = TestUser.named("alice");
        TestUser vera = TestUser.named("vera");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Not yours");
        Api.addMember(alice, circle, vera, "visitor");
        TestUser.api(vera.tokenAuthenticatedAt(null)).delete("/api/v1/circles/{id}", circle).then().statusCode(403);
    }

    private static void challenged(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", equalTo(CHALLENGE))
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("sign"));
    }
}
