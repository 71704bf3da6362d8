package org.lifeos.identity.access;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.Db;
import org.lifeos.identity.support.TestUser;

/** A circle's data is its own: a non-member sees nothing of it, through the API or the database. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IsolationTest {

    @Test
    void aNonMemberIsRefusedEverythingOfAnotherCircleAndItsRowsStayUnchanged() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser mallory = TestUser.named("mallory");
        UUID alicePersonal = Api.signIn(alice);
        Api.signIn(mallory);
        UUID circle = Api.createCircle(alice, "Private");
        Api.addMember(alice, circle, bob, "editor");

        for (UUID target : List.of(circle, alicePersonal)) {
            mallory.api().get("/api/v1/circles/{id}", target).then().statusCode(403)
                    .contentType("application/problem+json");
            mallory.api().get("/api/v1/circles/{id}/members", target).then().statusCode(403);
            mallory.api().get("/api/v1/circles/{id}/policies", target).then().statusCode(403);
            mallory.api().body(Map.of("name", "Taken")).patch("/api/v1/circles/{id}", target).then().statusCode(403);
            mallory.api().body(Map.of("userId", mallory.id().toString(), "role", "admin"))
                    .post("/api/v1/circles/{id}/members", target).then().statusCode(403);
            mallory.api().delete("/api/v1/circles/{id}/members/{user}", target, alice.id()).then().statusCode(403);
            mallory.api().body(Map.of("userId", mallory.id().toString()))
                    .post("/api/v1/circles/{id}/transfer-ownership", target).then().statusCode(403);
            mallory.api().body(Map.of("overrides", List.of()))
                    .put("/api/v1/circles/{id}/policies", target).then().statusCode(403);
            mallory.api().delete("/api/v1/circles/{id}", target).then().statusCode(403);
        }
        // Asking for a circle that does not exist looks the same as asking for one of others.
        mallory.api().get("/api/v1/circles/{id}", UUID.randomUUID()).then().statusCode(403);

        mallory.api().get("/api/v1/circles").then().statusCode(200)
                .body("items.id", not(hasItem(circle.toString())))
                .body("items.id", not(hasItem(alicePersonal.toString())));
        assertEquals(List.of("Private"), Db.column("SELECT name FROM circles WHERE id = ?", circle));
        assertEquals(List.of("active"), Db.column("SELECT status FROM circles WHERE id = ?", circle));
        assertEquals(2, Db.count("SELECT count(*) FROM circle_members WHERE tenant_id = ?", circle));
        assertEquals(0, Db.count("SELECT count(*) FROM circle_members WHERE user_id = ? AND tenant_id = ?",
                mallory.id(), circle));
    }

    @Test
    void rowLevelSecurityShowsTheRuntimeRoleOnlyTheCurrentCircleAndTheUsersOwnMemberships() throws SQLException {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        UUID alicePersonal = Api.signIn(alice);
        UUID bobPersonal = Api.signIn(bob);
        UUID shared = Api.createCircle(alice, "Shared");
        UUID alicesOnly = Api.createCircle(alice, "Alice's only");
        Api.addMember(alice, shared, bob, "visitor");

        try (Connection runtime = Db.runtimeRole()) {
            runtime.setAutoCommit(false);
            // No tenant and no user: nothing at all.
            assertEquals(List.of(), Db.column(runtime, "SELECT id FROM circles"));
            assertEquals(List.of(), Db.column(runtime, "SELECT id FROM circle_members"));
            assertEquals(List.of(), Db.column(runtime, "SELECT id FROM circle_events"));

            // Bob in his personal circle: his circles and his own memberships, nothing of Alice's.
            Db.column(runtime, "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)",
                    bobPersonal.toString(), bob.id().toString());
            assertEquals(Set.of(bobPersonal, shared), new HashSet<>(Db.column(runtime, "SELECT id FROM circles")));
            assertEquals(List.of(bob.id()), distinct(Db.column(runtime, "SELECT user_id FROM circle_members")));
            assertEquals(Set.of(bobPersonal), new HashSet<>(Db.column(runtime, "SELECT tenant_id FROM circle_events")));
            assertEquals(0, Db.column(runtime, "SELECT id FROM circles WHERE id IN (?, ?)", alicePersonal, alicesOnly)
                    .size());
            // Reading a membership elsewhere is not changing it: the own-membership rule is read-only.
            assertEquals(0, update(runtime, "UPDATE circle_members SET role = 'owner' WHERE tenant_id = ?", shared));
            runtime.rollback();

            // Bob acting in the shared circle sees all its members, still nothing of Alice's personal circle.
            Db.column(runtime, "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)",
                    shared.toString(), bob.id().toString());
            assertEquals(Set.of(alice.id(), bob.id()),
                    new HashSet<>(Db.column(runtime, "SELECT user_id FROM circle_members WHERE tenant_id = ?", shared)));
            assertEquals(0, Db.column(runtime, "SELECT id FROM circle_members WHERE tenant_id = ?", alicePersonal).size());
            runtime.rollback();
        }
    }

    @Test
    void everyTableWithATenantIdHasRowLevelSecurityEnabledAndForced() {
        List<Object> unfenced = Db.column("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                WHERE c.relkind IN ('r', 'p')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
                                                           AND NOT a.attisdropped)
                  AND NOT (c.relrowsecurity AND c.relforcerowsecurity)""");
        assertEquals(List.of(), unfenced);
        List<Object> fenced = Db.column("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relrowsecurity AND c.relforcerowsecurity""");
        assertTrue(fenced.containsAll(List.of("circles", "circle_members", "circle_events", "permission_policies",
                "permission_logs")), "fenced: " + fenced);
    }

    private static List<Object> distinct(List<Object> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static int update(Connection connection, String sql, Object parameter) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }
}
