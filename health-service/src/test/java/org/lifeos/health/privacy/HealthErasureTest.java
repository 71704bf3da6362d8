package org.lifeos.health.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.health.support.Api;
import org.lifeos.health.support.Db;

/**
 * Health rows name their member in owner_id, not user_id: the platform's erasure functions,
 * called as the eraser role exactly as the erasure consumer calls them, still remove a member's
 * private rows (scope member, through this service's erasure_service_rows) and every member's rows
 * of an ending circle (scope circle), and nothing of anyone else.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HealthErasureTest {

    private static final String ENTRIES = "/api/v1/medical-entries";
    private static final String SHARES = "/api/v1/health/shares";

    private static Map<String, Object> entry(String title) {
        return Map.of("date", "2026-03-02", "type", "note", "title", title, "details", "d " + title);
    }

    @Test
    void memberErasureRemovesTheMembersPrivateRowsAndSharesAndKeepsTheOthers() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        Api bob = circle[1];
        UUID alices = alice.create(ENTRIES, entry("a1"));
        alice.create(ENTRIES, entry("a2"));
        UUID bobs = bob.create(ENTRIES, entry("b1"));
        alice.create(SHARES, Map.of("granteeId", bob.user().toString(), "entryId", alices.toString()));
        bob.create(SHARES, Map.of("granteeId", alice.user().toString(), "entryId", bobs.toString()));
        for (Api member : List.of(alice, bob)) {
            fillTheOtherTables(member);
        }
        UUID elsewhere = Api.newUser("alice-elsewhere").create(ENTRIES, entry("other circle"));

        long erased = erase(alice.circle(), alice.user(), "SELECT erase_member_rows('" + alice.user() + "')");

        assertEquals(8, erased, "two entries of hers, the share she made and the share she was given, her "
                + "measurement, check-in, workout and profile");
        for (String table : List.of("measurements", "daily_check_ins", "workouts", "health_profiles")) {
            assertEquals(List.of(bob.user().toString()), Db.column("SELECT owner_id FROM " + table
                    + " WHERE tenant_id = ?", alice.circle()), table + ": only bob's row is left");
        }
        assertEquals(List.of(bobs.toString()), Db.column("SELECT id FROM medical_entries WHERE tenant_id = ?",
                alice.circle()));
        assertEquals(0, Db.count("SELECT count(*) FROM health_shares WHERE tenant_id = ?", alice.circle()));
        assertEquals(1, Db.count("SELECT count(*) FROM medical_entries WHERE id = ?", elsewhere));
        bob.request().get(ENTRIES + "/" + bobs).then().statusCode(200);
    }

    @Test
    void circleErasureRemovesEveryMembersRowsOfTheCircleOnly() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob");
        Api alice = circle[0];
        Api bob = circle[1];
        alice.create(ENTRIES, entry("a1"));
        UUID bobs = bob.create(ENTRIES, entry("b1"));
        bob.create(SHARES, Map.of("granteeId", alice.user().toString(), "entryId", bobs.toString()));
        UUID elsewhere = Api.newUser("carol").create(ENTRIES, entry("other circle"));

        long erased = erase(alice.circle(), alice.user(), "SELECT erase_current_tenant()");

        assertEquals(3, erased);
        assertEquals(0, Db.count("SELECT count(*) FROM medical_entries WHERE tenant_id = ?", alice.circle()));
        assertEquals(0, Db.count("SELECT count(*) FROM health_shares WHERE tenant_id = ?", alice.circle()));
        assertEquals(1, Db.count("SELECT count(*) FROM medical_entries WHERE id = ?", elsewhere));
    }

    @Test
    void theRuntimeRoleCannotDeleteAnotherMembersRowsNorCallTheServicePart() throws Exception {
        Api[] circle = Api.sharingACircle("alice", "bob");
        UUID alices = circle[0].create(ENTRIES, entry("a1"));
        try (Connection db = Db.superuser(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("SET LOCAL ROLE " + Databases.runtimeRole("health"));
            setTenant(sql, circle[0].circle(), circle[1].user());
            assertEquals(0, sql.executeUpdate("DELETE FROM medical_entries WHERE id = '" + alices + "'"),
                    "bob's transaction reaches none of alice's rows");
            SQLException denied = assertThrows(SQLException.class,
                    () -> sql.execute("SELECT erasure_service_rows('member')"));
            assertEquals("42501", denied.getSQLState());
            db.rollback();
        }
        assertEquals(1, Db.count("SELECT count(*) FROM medical_entries WHERE id = ?", alices));
    }

    private static void fillTheOtherTables(Api member) {
        member.create("/api/v1/measurements", Map.of("date", "2026-03-02", "type", "weight", "value", 60, "unit", "kg"));
        member.request().body(Map.of("mood", 3)).put("/api/v1/check-ins/daily/2026-03-02").then().statusCode(201);
        member.create("/api/v1/workouts", Map.of("date", "2026-03-02", "type", "walk", "durationMinutes", 20));
        member.request().body(Map.of("allergies", "none")).put("/api/v1/health/profile").then().statusCode(201);
    }

    /** Runs {@code call} as the eraser role with the circle and user set, commits, and gives its count. */
    private static long erase(UUID circleId, UUID user, String call) throws SQLException {
        try (Connection db = Db.superuser(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("SET LOCAL ROLE " + Databases.eraserRole("health"));
            setTenant(sql, circleId, user);
            long erased;
            try (ResultSet result = sql.executeQuery(call)) {
                assertTrue(result.next());
                erased = result.getLong(1);
            }
            db.commit();
            return erased;
        }
    }

    private static void setTenant(Statement sql, UUID circleId, UUID user) throws SQLException {
        sql.execute("SELECT set_config('app.tenant_id', '%s', true), set_config('app.user_id', '%s', true)"
                .formatted(circleId, user));
    }
}
