package org.lifeos.identity.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.audit.AuditLog;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Await;
import org.lifeos.identity.support.Db;
import org.lifeos.devstack.testing.TestTopics;
import org.lifeos.identity.support.Keycloak;
import org.lifeos.identity.support.RealKeycloak;
import org.lifeos.identity.support.TestUser;
import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Place;
import org.lifeos.platform.crypto.UnreadableValueException;
import org.lifeos.platform.crypto.Vault;

/**
 * Account deletion against the real Keycloak, PostgreSQL and Kafka. The other data-holding services
 * are not running here: the test answers their part on {@code erasure.completed} as they would;
 * identity-service's own part runs for real, through its erasure consumer, as the eraser role.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RealKeycloak.class)
class AccountDeletionTest {

    private static final String PASSWORD = "deletion-test-password";
    private static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", max_age=300";
    /** The participants the test answers for; identity-service answers itself. */
    private static final List<String> SERVICES = List.of("planning-service", "finance-service", "health-service",
            "content-service");
    private static final int PARTICIPANTS = SERVICES.size() + 1;

    @Inject
    AuditLog auditLog;
    @Inject
    Tenancy tenancy;
    @Inject
    Vault vault;

    @Test
    void aStaleSignInCannotDeleteTheAccountAndNothingChanges() {
        TestUser una = Keycloak.newUser("una", PASSWORD);
        Api.signIn(una);
        for (String token : new String[] {una.tokenAuthenticatedAt(Instant.now().minus(Duration.ofMinutes(6))),
                                          una.tokenAuthenticatedAt(null)}) {
            TestUser.api(token).delete("/api/v1/me").then().statusCode(401)
                    .header("WWW-Authenticate", CHALLENGE).contentType("application/problem+json");
        }
        assertTrue(Keycloak.userExists(una.id()));
        assertEquals(0L, Db.count("SELECT count(*) FROM users WHERE id = ? AND deleted_at IS NOT NULL", una.id()));
        assertEquals(0L, Db.count("SELECT count(*) FROM privacy_requests WHERE user_id = ?", una.id()));
        una.api().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anOwnerOfASharedCircleWithOtherMembersMustHandItOverFirst() {
        TestUser olga = Keycloak.newUser("olga", PASSWORD);
        TestUser pia = TestUser.named("pia");
        Api.signIn(olga);
        UUID household = Api.createCircle(olga, "Household");
        Api.addMember(olga, household, pia, "editor");

        olga.api().delete("/api/v1/me").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("circles[" + household + "]"));

        assertTrue(Keycloak.userExists(olga.id()), "the account lives on");
        assertEquals(0L, Db.count("SELECT count(*) FROM privacy_requests WHERE user_id = ?", olga.id()));
        assertEquals(1L, Db.count("SELECT count(*) FROM circles WHERE status = 'active' AND owner_id = ? "
                + "AND kind = 'personal'", olga.id()));
        assertEquals(2L, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ?", household));
        assertEquals(0L, Db.count("SELECT count(*) FROM outbox_events WHERE topic = 'identity.erasure' "
                + "AND envelope -> 'payload' ->> 'userId' = ?", olga.id().toString()));

        // Once handed over, the account can go.
        olga.api().body(Map.of("userId", pia.id().toString())).post("/api/v1/circles/{id}/transfer-ownership", household)
                .then().statusCode(200);
        olga.api().delete("/api/v1/me").then().statusCode(202);
        assertFalse(Keycloak.userExists(olga.id()));
    }

    @Test
    void deletingTheAccountErasesItHereAndInKeycloakAndAsksEveryServiceToErase() throws Exception {
        TestUser ana = Keycloak.newUser("ana", PASSWORD);
        TestUser ben = TestUser.named("ben");
        Keycloak.Answer signedIn = Keycloak.passwordGrant(ana.username(), PASSWORD);
        assertEquals(200, signedIn.status());
        UUID personal = Api.signIn(ana);
        UUID solo = Api.createCircle(ana, "Only mine");
        Api.signIn(ben);
        UUID team = Api.createCircle(ben, "Team");
        Api.addMember(ben, team, ana, "editor");
        ana.api().post("/api/v1/me/recovery-keys").then().statusCode(201);
        // Webhook subscriptions in her personal circle and in the team she stays a member of till the end.
        for (UUID circle : List.of(personal, team)) {
            ana.api().header("X-Circle-Id", circle.toString()).body(Map.of("url", "https://hooks.example.com/ana",
                    "eventTypes", List.of("task.created"), "scopes", List.of("planning:read")))
                    .post("/api/v1/webhooks").then().statusCode(201);
        }
        // An integration secret, sealed with her private data key in her personal circle.
        ana.api().body(Map.of("value", Map.of(), "secret", "ana-token")).put("/api/v1/me/configs/github")
                .then().statusCode(201);
        UUID configRow = (UUID) Db.column("SELECT id FROM user_configs WHERE user_id = ?", ana.id()).get(0);
        byte[] sealedSecret = (byte[]) Db.column("SELECT secret_encrypted FROM user_configs WHERE id = ?", configRow).get(0);
        Place secretPlace = new Place("user_configs", "secret_encrypted", configRow, personal, ana.id(), DataClass.SECRET);
        assertEquals(10L, Db.count("SELECT count(*) FROM recovery_keys WHERE user_id = ?", ana.id()));
        assertTrue(Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ? AND entity_id = ?", team,
                ana.id().toString()) > 0, "the team's log names her (she was added)");

        // A decision about her is fresh in the access cache right before she deletes the account.
        ana.api().get("/api/v1/me").then().statusCode(200);
        JsonPath started = ana.api().delete("/api/v1/me").then().statusCode(202)
                .body("status", equalTo("in_progress"))
                .body("kind", equalTo("erasure"))
                .extract().jsonPath();
        UUID request = UUID.fromString(started.getString("id"));
        // The deletion's own audit rows are written by now; erasure only ever minimises rows, never removes one.
        long soloAudit = Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ?", solo);
        long teamAudit = Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ?", team);
        // The old token opens nothing from the very next request, cached decision or not.
        ana.api().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("This account was deleted"));
        assertEquals("done", started.getString("steps.find { it.participant == 'keycloak' }.status"));
        assertEquals(3 * PARTICIPANTS, started.getList("steps.findAll { it.participant != 'keycloak' }").size());

        // Keycloak: the account is gone, and with it every session.
        assertFalse(Keycloak.userExists(ana.id()));
        assertEquals(400, Keycloak.refresh(signedIn.refreshToken()).status());
        // identity-service: a tombstone at once; then its own erasure consumer answers for each circle.
        assertEquals(1L, Db.count("SELECT count(*) FROM users WHERE id = ? AND deleted_at IS NOT NULL AND email IS NULL "
                + "AND username IS NULL AND display_name IS NULL", ana.id()));
        Await.until(() -> Db.count("SELECT count(*) FROM privacy_request_steps WHERE request_id = ? "
                + "AND participant = 'identity-service' AND status = 'done'", request) == 3, "identity-service's part done");
        // Crypto-shredding: her personal circle's data keys are gone with its rows, so the sealed secret,
        // wherever a copy of it survives (a backup), opens no more.
        assertEquals(0L, Db.count("SELECT count(*) FROM data_keys WHERE tenant_id = ?", personal));
        assertEquals(0L, Db.count("SELECT count(*) FROM user_configs WHERE user_id = ?", ana.id()));
        UnreadableValueException shredded = assertThrows(UnreadableValueException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    tenancy.apply(personal, ana.id());
                    return vault.open(secretPlace, sealedSecret);
                }));
        assertTrue(shredded.reason().contains("no longer exists"), shredded.reason());
        // No personal rows: credentials and state go; the security ledger stays, without its details.
        for (String table : List.of("recovery_keys", "sudo_sessions", "user_account_security_state")) {
            assertEquals(0L, Db.count("SELECT count(*) FROM " + table + " WHERE user_id = ?", ana.id()), table);
        }
        assertEquals(0L, Db.count("SELECT count(*) FROM webhook_subscriptions WHERE owner_id = ?", ana.id()),
                "her webhooks go, in the team's circle too");
        assertTrue(Db.count("SELECT count(*) FROM security_events WHERE user_id = ?", ana.id()) > 0,
                "the security ledger is kept");
        assertEquals(0L, Db.count("SELECT count(*) FROM security_events WHERE user_id = ? AND details <> '{}'", ana.id()));
        // The audit log is kept, minimised, and still verifies: in full in her erased circle, ...
        assertEquals(soloAudit, Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ? AND redacted_at IS NOT NULL "
                + "AND details = '{}' AND personal_salt IS NULL AND actor_id IS DISTINCT FROM ?", solo, ana.id()));
        AuditLog.AuditVerificationView soloChain = QuarkusTransaction.requiringNew().call(() -> {
            tenancy.apply(solo, null);
            return auditLog.verify(solo);
        });
        assertTrue(soloChain.ok(), "the minimised chain verifies: " + soloChain);
        assertEquals(soloAudit, soloChain.minimised());
        // ... and where she is named in the team's, whose other rows stay as they were.
        assertEquals(teamAudit, Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ?", team));
        assertEquals(0L, Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ? AND (actor_id = ? OR entity_id = ? "
                + "OR strpos(details::text, ?) > 0)", team, ana.id(), ana.id().toString(), ana.id().toString()));
        assertTrue(Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ? AND actor_id = ? AND redacted_at IS NULL",
                team, ben.id()) > 0, "the owner's own rows are not minimised");
        ben.api().get("/api/v1/circles/{id}/audit/verify", team).then().statusCode(200)
                .body("ok", equalTo(true)).body("checked", equalTo((int) teamAudit));
        // Circles: hers end, the team lives on without her.
        assertEquals(2L, Db.count("SELECT count(*) FROM circles WHERE id IN (?, ?) AND status = 'dissolved'", personal, solo));
        assertEquals(0L, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ? AND user_id = ?", team, ana.id()));
        assertEquals(1L, Db.count("SELECT count(*) FROM circle_events WHERE tenant_id = ? AND type = 'member_left' "
                + "AND payload ->> 'reason' = 'account_deleted'", team));
        ben.api().get("/api/v1/circles/{id}", team).then().statusCode(200).body("status", equalTo("active"));
        // One erasure request per circle, each of its own circle, in the outbox.
        assertEquals(Map.of(personal, "circle", solo, "circle", team, "member"), erasureScopes(request));

        // The services answer; the request completes with the last answer and not before.
        List<String[]> answers = new ArrayList<>();
        for (String service : SERVICES) {
            for (UUID circle : List.of(personal, solo, team)) {
                answers.add(new String[] {service, circle.toString()});
            }
        }
        String[] last = answers.remove(answers.size() - 1);
        for (String[] answer : answers) {
            answer(request, ana.id(), UUID.fromString(answer[1]), answer[0], 3);
        }
        answer(request, ana.id(), team, "unknown-service", 1);
        Await.until(() -> Db.count("SELECT count(*) FROM privacy_request_steps WHERE request_id = ? AND status = 'done'",
                request) == answers.size() + 1L + 3, "every answer but the last recorded");
        String operator = TestUser.named("operator").operatorToken();
        TestUser.api(operator).get("/api/v1/operator/users/{id}/privacy-requests", ana.id()).then().statusCode(200)
                .body("items[0].id", equalTo(request.toString()))
                .body("items[0].status", equalTo("in_progress"));
        answer(request, ana.id(), UUID.fromString(last[1]), last[0], 5);
        Await.until(() -> Db.count("SELECT count(*) FROM privacy_requests WHERE id = ? AND status = 'completed'",
                request) == 1, "the request completed");
        JsonPath done = TestUser.api(operator).get("/api/v1/operator/users/{id}/privacy-requests", ana.id()).then()
                .statusCode(200).extract().jsonPath();
        assertNull(done.get("items[0].steps.find { it.status != 'done' }"));
        assertEquals(5, done.getInt("items[0].steps.find { it.participant == '" + last[0] + "' && it.circleId == '"
                + last[1] + "' }.rowsErased"));
        assertEquals(0L, Db.count("SELECT count(*) FROM privacy_request_steps WHERE request_id = ? "
                + "AND participant = 'unknown-service'", request));
        ana.api().get("/api/v1/operator/users/{id}/privacy-requests", ana.id()).then().statusCode(401);
    }

    @Test
    void circlesDissolvedBeforeTheDeletionAreErasedToo() {
        TestUser ivy = Keycloak.newUser("ivy", PASSWORD);
        TestUser tom = TestUser.named("tom");
        UUID personal = Api.signIn(ivy);
        UUID hers = Api.createCircle(ivy, "Old project");
        ivy.api().delete("/api/v1/circles/{id}", hers).then().statusCode(204);
        Api.signIn(tom);
        UUID band = Api.createCircle(tom, "Old band");
        Api.addMember(tom, band, ivy, "editor");
        tom.api().delete("/api/v1/circles/{id}", band).then().statusCode(204);

        UUID request = UUID.fromString(ivy.api().delete("/api/v1/me").then().statusCode(202).extract().path("id"));

        // Her own old circle goes in full; in the band only her part goes, and her membership.
        assertEquals(Map.of(personal, "circle", hers, "circle", band, "member"), erasureScopes(request));
        assertEquals(3L * PARTICIPANTS, Db.count("SELECT count(*) FROM privacy_request_steps WHERE request_id = ? "
                + "AND participant <> 'keycloak'", request));
        assertEquals(0L, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ? AND user_id = ?", band, ivy.id()));
        assertEquals(1L, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ? AND user_id = ?", band, tom.id()));
        assertEquals(1L, Db.count("SELECT count(*) FROM circle_events WHERE tenant_id = ? AND type = 'member_left' "
                + "AND payload ->> 'reason' = 'account_deleted'", band));
        assertEquals(0L, Db.count("SELECT count(*) FROM circle_events WHERE tenant_id = ? AND type = 'dissolved' "
                + "AND payload ->> 'reason' = 'account_deleted'", hers), "dissolved once, not again");
    }

    @Test
    void theRuntimeRoleCannotExecuteTheErasureFunctions() throws SQLException {
        TestUser kim = TestUser.named("kim");
        UUID personal = Api.signIn(kim);
        long members = Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ?", personal);
        long audit = Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ?", personal);
        try (Connection app = Db.runtimeRole()) {
            app.setAutoCommit(false);
            for (String call : List.of("SELECT erase_current_tenant()", "SELECT erase_member_rows('" + kim.id() + "')",
                    "SELECT erasure_service_rows('circle')", "SELECT audit_minimise(NULL)")) {
                Db.asTenant(app, personal, kim.id());
                SQLException denied = assertThrows(SQLException.class, () -> Db.column(app, call), call);
                assertEquals("42501", denied.getSQLState(), call + ": " + denied.getMessage());
                app.rollback();
            }
        }
        assertEquals(members, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ?", personal));
        assertEquals(audit, Db.count("SELECT count(*) FROM audit_logs WHERE tenant_id = ?", personal));
    }

    @Test
    void theEraserRoleErasesNothingOfAnAccountThatIsNotBeingDeleted() throws SQLException {
        TestUser lea = TestUser.named("lea");
        UUID personal = Api.signIn(lea);
        long members = Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ?", personal);
        try (Connection eraser = Db.eraserRole()) {
            eraser.setAutoCommit(false);
            Db.asTenant(eraser, personal, lea.id());
            SQLException refused = assertThrows(SQLException.class, () -> Db.column(eraser, "SELECT erase_current_tenant()"));
            assertTrue(refused.getMessage().contains("is not an account being deleted"), refused.getMessage());
            eraser.rollback();
        }
        assertEquals(members, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ?", personal));
        lea.api().get("/api/v1/me").then().statusCode(200);
    }

    /** The erasure requests of a privacy request in the outbox: circle to scope. */
    private static Map<UUID, String> erasureScopes(UUID request) {
        Map<UUID, String> scopes = new HashMap<>();
        for (Object row : Db.column("SELECT tenant_id || ' ' || (envelope -> 'payload' ->> 'scope') FROM outbox_events "
                + "WHERE topic = 'identity.erasure' AND envelope -> 'payload' ->> 'requestId' = ?", request.toString())) {
            String[] parts = row.toString().split(" ");
            scopes.put(UUID.fromString(parts[0]), parts[1]);
        }
        return scopes;
    }

    private static void answer(UUID request, UUID user, UUID circle, String service, long rows) {
        String envelope = """
                {"eventId":"%s","type":"erasure.completed","occurredAt":"%s","tenantId":"%s","actorId":"%s",
                 "payload":{"requestId":"%s","userId":"%s","circleId":"%s","service":"%s","rowsErased":%d}}"""
                .formatted(UUID.randomUUID(), Instant.now(), circle, user, request, user, circle, service, rows);
        TestTopics.send("erasure.completed", circle.toString(), envelope);
    }
}
