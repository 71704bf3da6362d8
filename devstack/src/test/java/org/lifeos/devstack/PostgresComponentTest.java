package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.TestStack;

/** The local PostgreSQL is a real server, with the databases and roles the services rely on. */
class PostgresComponentTest {

    @Test
    void pgcryptoRoundTripsOnTheRealServerAsARuntimeRole() throws SQLException {
        try (Connection runtime = TestStack.postgres().connect("planning", Databases.runtimeRole("planning"));
             PreparedStatement statement = runtime.prepareStatement(
                     "SELECT pgp_sym_decrypt(pgp_sym_encrypt(?, ?), ?), pgp_sym_encrypt(?, ?)::text <> ?")) {
            statement.setString(1, "hrt dose 2mg");
            statement.setString(2, "data-key");
            statement.setString(3, "data-key");
            statement.setString(4, "hrt dose 2mg");
            statement.setString(5, "data-key");
            statement.setString(6, "hrt dose 2mg");
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                assertEquals("hrt dose 2mg", row.getString(1));
                assertTrue(row.getBoolean(2), "the ciphertext must differ from the plain text");
            }
        }
    }

    @Test
    void everyServiceHasADatabaseWithAMigrationRoleThatOwnsItAndARuntimeRoleWithoutPrivileges() throws SQLException {
        try (Connection admin = TestStack.postgres().superuser("postgres")) {
            for (String database : Databases.SERVICES) {
                try (PreparedStatement owner = admin.prepareStatement(
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
                    owner.setString(1, database);
                    try (ResultSet row = owner.executeQuery()) {
                        assertTrue(row.next(), "database " + database + " exists");
                        assertEquals(Databases.migrationRole(database), row.getString(1));
                    }
                }
                try (PreparedStatement role = admin.prepareStatement(
                        "SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = ?")) {
                    role.setString(1, Databases.runtimeRole(database));
                    try (ResultSet row = role.executeQuery()) {
                        assertTrue(row.next(), "runtime role of " + database + " exists");
                        for (int column = 1; column <= 4; column++) {
                            assertFalse(row.getBoolean(column), database + " runtime role attribute " + column);
                        }
                    }
                }
            }
        }
    }

    @Test
    void tablesTheMigrationRoleCreatesAreUsableButNotOwnedByTheRuntimeRole() throws SQLException {
        PostgresServer postgres = TestStack.postgres();
        try (Connection migrator = postgres.connect("content", Databases.migrationRole("content"));
             Statement ddl = migrator.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bootstrap_probe (id int PRIMARY KEY)");
        }
        try (Connection runtime = postgres.connect("content", Databases.runtimeRole("content"));
             Statement statement = runtime.createStatement()) {
            statement.execute("INSERT INTO bootstrap_probe VALUES (1) ON CONFLICT DO NOTHING");
            try (ResultSet row = statement.executeQuery(
                    "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)")) {
                row.next();
                assertEquals(0, row.getInt(1), "the runtime role owns nothing");
            }
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("DROP TABLE bootstrap_probe"));
            assertEquals("42501", refused.getSQLState(), "insufficient privilege");
            SQLException noCreate = assertThrows(SQLException.class,
                    () -> statement.execute("CREATE TABLE sneaky (id int)"));
            assertEquals("42501", noCreate.getSQLState());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        SQLException refused = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                TestStack.postgres().jdbcUrl("planning"), Databases.runtimeRole("planning"), "not-the-password"));
        assertEquals("28P01", refused.getSQLState(), "invalid password");
    }

    @Test
    void runtimeRoleCannotConnectToAnotherServicesDatabase() {
        SQLException refused = assertThrows(SQLException.class,
                () -> TestStack.postgres().connect("health", Databases.runtimeRole("planning")));
        assertEquals("42501", refused.getSQLState());
    }
}
