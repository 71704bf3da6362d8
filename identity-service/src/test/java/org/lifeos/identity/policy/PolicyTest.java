package org.lifeos.identity.policy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.AccessGrpc;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PolicyTest {

    @Test
    void anOverrideChangesTheAccessCheckAndEveryChangeIsLogged() throws Exception {
        TestUser alice = TestUser.named("alice");
        TestUser vera = TestUser.named("vera");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Studio");
        Api.addMember(alice, circle, vera, "visitor");

        try (AccessGrpc grpc = AccessGrpc.connect()) {
            assertTrue(grpc.check(vera, circle, "tasks", "read").getAllowed(), "visitors read by default");
            assertFalse(grpc.check(vera, circle, "tasks", "write").getAllowed(), "visitors do not write by default");

            alice.api().body(overrides(Map.of("role", "visitor", "resource", "tasks", "action", "write", "allowed", true)))
                    .put("/api/v1/circles/{id}/policies", circle).then().statusCode(200)
                    .body("overrides", hasSize(1))
                    .body("effective.find { it.role == 'visitor' && it.resource == 'tasks' && it.action == 'write' }.allowed",
                            equalTo(true))
                    .body("effective.find { it.role == 'visitor' && it.resource == 'tasks' && it.action == 'write' }.source",
                            equalTo("circle"));
            assertTrue(grpc.check(vera, circle, "tasks", "write").getAllowed(), "the circle's override applies");
            assertEquals("visitor", grpc.check(vera, circle, "tasks", "write").getRole());

            // Changing the value, then removing the override (back to the default).
            alice.api().body(overrides(Map.of("role", "visitor", "resource", "tasks", "action", "write", "allowed", false)))
                    .put("/api/v1/circles/{id}/policies", circle).then().statusCode(200);
            assertFalse(grpc.check(vera, circle, "tasks", "write").getAllowed());
            alice.api().body(Map.of("overrides", List.of())).put("/api/v1/circles/{id}/policies", circle)
                    .then().statusCode(200).body("overrides", hasSize(0));
            assertFalse(grpc.check(vera, circle, "tasks", "write").getAllowed());
        }

        assertEquals(List.of("null>{\"allowed\": true}", "{\"allowed\": true}>{\"allowed\": false}",
                        "{\"allowed\": false}>null"),
                Db.column("SELECT coalesce(old_value::text, 'null') || '>' || coalesce(new_value::text, 'null')"
                        + " FROM permission_logs WHERE tenant_id = ? ORDER BY created_at, id", circle));
        assertEquals(List.of(alice.id()), Db.column(
                "SELECT DISTINCT changed_by FROM permission_logs WHERE tenant_id = ?", circle));
        assertEquals(0, Db.count("SELECT count(*) FROM permission_policies WHERE tenant_id = ?", circle));
    }

    @Test
    void aWildcardOverrideAppliesToEveryResourceWithoutARuleOfItsOwn() throws Exception {
        TestUser alice = TestUser.named("alice");
        TestUser ed = TestUser.named("ed");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Workshop");
        Api.addMember(alice, circle, ed, "editor");

        alice.api().body(overrides(Map.of("role", "editor", "resource", "*", "action", "write", "allowed", false)))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(200);
        try (AccessGrpc grpc = AccessGrpc.connect()) {
            assertFalse(grpc.check(ed, circle, "tasks", "write").getAllowed());
            assertFalse(grpc.check(ed, circle, "transactions", "write").getAllowed());
            assertTrue(grpc.check(ed, circle, "tasks", "read").getAllowed());
            // The owner may always do everything.
            assertTrue(grpc.check(alice, circle, "tasks", "write").getAllowed());
        }
    }

    @Test
    void anAdminOverridesPoliciesAnEditorMayOnlyReadThem() {
        TestUser alice = TestUser.named("alice");
        TestUser adam = TestUser.named("adam");
        TestUser ed = TestUser.named("ed");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Office");
        Api.addMember(alice, circle, adam, "admin");
        Api.addMember(alice, circle, ed, "editor");

        ed.api().get("/api/v1/circles/{id}/policies", circle).then().statusCode(200)
                .body("effective.find { it.role == 'owner' && it.resource == 'circles' && it.action == 'manage' }.source",
                        equalTo("owner"));
        ed.api().body(overrides(Map.of("role", "editor", "resource", "members", "action", "write", "allowed", true)))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(403);
        adam.api().body(overrides(Map.of("role", "editor", "resource", "members", "action", "write", "allowed", true)))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(200);
        assertEquals(1, Db.count("SELECT count(*) FROM permission_logs WHERE tenant_id = ? AND changed_by = ?",
                circle, adam.id()));
    }

    @Test
    void invalidOverridesAreA400NamingTheFieldAndChangeNothing() {
        TestUser alice = TestUser.named("alice");
        Api.signIn(alice);
        UUID circle = Api.createCircle(alice, "Lab");

        alice.api().body(overrides(Map.of("role", "owner", "resource", "tasks", "action", "write", "allowed", false)))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("overrides[0].role"));
        alice.api().body(overrides(Map.of("role", "visitor", "resource", "tasks", "action", "fly", "allowed", true)))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(400)
                .body("errors.field", hasItem("overrides[0].action"));
        alice.api().body(overrides(Map.of("role", "visitor", "resource", "Tasks!", "action", "write", "allowed", true)))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(400)
                .body("errors.field", hasItem("overrides[0].resource"));
        alice.api().body(overrides(Map.of("role", "visitor", "resource", "tasks", "action", "write")))
                .put("/api/v1/circles/{id}/policies", circle).then().statusCode(400)
                .body("errors.field", hasItem("overrides[0].allowed"));
        Map<String, Object> rule = Map.of("role", "visitor", "resource", "tasks", "action", "write", "allowed", true);
        alice.api().body(Map.of("overrides", List.of(rule, rule))).put("/api/v1/circles/{id}/policies", circle)
                .then().statusCode(400).body("errors.field", hasItem("overrides[1]"));

        assertEquals(0, Db.count("SELECT count(*) FROM permission_policies WHERE tenant_id = ?", circle));
        assertEquals(0, Db.count("SELECT count(*) FROM permission_logs WHERE tenant_id = ?", circle));
    }

    private static Map<String, Object> overrides(Map<String, Object> rule) {
        return Map.of("overrides", List.of(rule));
    }
}
