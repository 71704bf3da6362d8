package org.lifeos.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.planning.support.Api;

/**
 * The database itself keeps circles apart, whatever the application does: the runtime role
 * without a tenant sees no rows, a connection reused after one circle's transaction sees
 * nothing of that circle, and a row cannot be written into a circle other than the current one.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseFenceTest {

    private static final String DB = "planning";

    @Test
    void aConnectionWithNoTenantSetSeesNoRows() throws SQLException {
        Api alice = Api.newUser("alice");
        alice.task(alice.createDomain("Home"), "Water plants");
        try (Connection admin = TestStack.postgres().superuser(DB)) {
            assertTrue(count(admin, "tasks") > 0, "tasks exist");
        }
        try (Connection runtime = runtime()) {
            assertEquals(0, count(runtime, "tasks"));
            assertEquals(0, count(runtime, "domains"));
            assertEquals(0, count(runtime, "outbox_events"));
        }
    }

    @Test
    void aConnectionReusedAfterOneCirclesTransactionSeesNothingOfIt() throws SQLException {
        Api alice = Api.newUser("alice");
        alice.task(alice.createDomain("Home"), "Water plants");
        try (Connection runtime = runtime()) {
            runtime.setAutoCommit(false);
            setTenant(runtime, alice.circle(), alice.user());
            assertTrue(count(runtime, "tasks") >= 1, "inside alice's transaction her task is visible");
            runtime.commit();
            // The same session, as a pool would hand it to the next request:
            assertEquals(0, count(runtime, "tasks"));
            runtime.rollback();
            setTenant(runtime, UUID.randomUUID(), UUID.randomUUID());
            assertEquals(0, count(runtime, "tasks"), "another circle's transaction sees none of alice's tasks");
            runtime.rollback();
        }
    }

    @Test
    void aRowCannotBeWrittenIntoAnotherCircle() throws SQLException {
        Api alice = Api.newUser("alice");
        UUID domain = alice.createDomain("Home");
        try (Connection runtime = runtime()) {
            runtime.setAutoCommit(false);
            setTenant(runtime, UUID.randomUUID(), alice.user());
            try (PreparedStatement insert = runtime.prepareStatement("""
                    INSERT INTO domains (id, tenant_id, name, type, slug, color, icon, created_by)
                    VALUES (?, ?, 'x', 'content', 'x', '#000000', 'x', ?)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, alice.circle());
                insert.setObject(3, alice.user());
                SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
                assertEquals("42501", refused.getSQLState(), "row-level security refuses the row");
            }
            runtime.rollback();
            setTenant(runtime, UUID.randomUUID(), alice.user());
            try (PreparedStatement update = runtime.prepareStatement("UPDATE domains SET name = 'taken' WHERE id = ?")) {
                update.setObject(1, domain);
                assertEquals(0, update.executeUpdate(), "another circle's row is invisible to UPDATE");
            }
            runtime.rollback();
        }
    }

    private static Connection runtime() throws SQLException {
        return TestStack.postgres().connect(DB, Databases.runtimeRole(DB));
    }

    private static void setTenant(Connection connection, UUID tenant, UUID user) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.setString(2, user.toString());
            set.execute();
        }
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
