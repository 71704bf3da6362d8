package org.lifeos.devstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The databases and roles of the local stack. Each service gets a database, a migration role
 * that owns its schema (Flyway runs as it) and a runtime role that owns nothing and has no
 * BYPASSRLS (the application connects only as it), plus the outbox relay's and the erasure
 * consumer's own narrow roles. Keycloak gets a database of its own.
 * Everything here is idempotent: it runs at every start and repairs what drifted.
 */
public final class Databases {

    /** One database per service, named after the service's bounded context. */
    public static final List<String> SERVICES = List.of("identity", "planning", "finance", "health", "content");

    public static final String KEYCLOAK = "keycloak";

    private Databases() {
    }

    public static String migrationRole(String database) {
        return database + "_migrator";
    }

    public static String runtimeRole(String database) {
        return database + "_app";
    }

    /**
     * The outbox relay's role: like the runtime role it owns nothing and has no BYPASSRLS; a
     * policy of its own lets it read and mark every circle's outbox rows, and nothing else.
     */
    public static String relayRole(String database) {
        return database + "_relay";
    }

    /**
     * The erasure consumer's role (account deletion): it owns nothing, has no table privileges
     * and no BYPASSRLS; it may only execute the erasure functions the migrations grant it, which
     * the runtime role may not. Only the service's erasure consumer connects as it.
     */
    public static String eraserRole(String database) {
        return database + "_eraser";
    }

    /**
     * The local password of a role. Dev-only: production passwords come from Kubernetes Secrets
     * through the environment, never from the repository.
     */
    public static String devOnlyPassword(String role) {
        return "dev-only-" + role.replace('_', '-');
    }

    static void bootstrap(PostgresServer postgres) throws SQLException {
        try (Connection admin = postgres.superuser("postgres")) {
            ensureLoginRole(admin, KEYCLOAK);
            ensureDatabase(admin, KEYCLOAK, KEYCLOAK);
            for (String database : SERVICES) {
                ensureLoginRole(admin, migrationRole(database));
                ensureLoginRole(admin, runtimeRole(database));
                ensureLoginRole(admin, relayRole(database));
                ensureLoginRole(admin, eraserRole(database));
                ensureDatabase(admin, database, migrationRole(database));
                execute(admin, "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
                execute(admin, "GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + runtimeRole(database));
                execute(admin, "GRANT CONNECT ON DATABASE " + database + " TO " + relayRole(database) + ", "
                        + eraserRole(database));
            }
        }
        for (String database : SERVICES) {
            try (Connection db = postgres.superuser(database)) {
                prepareServiceDatabase(db, database);
            }
        }
    }

    private static void prepareServiceDatabase(Connection db, String database) throws SQLException {
        String migrator = migrationRole(database);
        String runtime = runtimeRole(database);
        execute(db, "CREATE EXTENSION IF NOT EXISTS pgcrypto");
        execute(db, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
        execute(db, "ALTER SCHEMA public OWNER TO " + migrator);
        execute(db, "REVOKE ALL ON SCHEMA public FROM PUBLIC");
        execute(db, "GRANT USAGE ON SCHEMA public TO " + runtime + ", " + relayRole(database) + ", "
                + eraserRole(database));
        // Tables the migration role creates are usable by the runtime role, never owned by it.
        // A migration can still narrow this per table (REVOKE UPDATE, DELETE for append-only tables).
        execute(db, "ALTER DEFAULT PRIVILEGES FOR ROLE " + migrator
                + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + runtime);
        execute(db, "ALTER DEFAULT PRIVILEGES FOR ROLE " + migrator
                + " IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + runtime);
    }

    private static void ensureLoginRole(Connection admin, String role) throws SQLException {
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
                + literal(devOnlyPassword(role));
        if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            execute(admin, "ALTER ROLE " + role + attributes);
        } else {
            execute(admin, "CREATE ROLE " + role + attributes);
        }
    }

    private static void ensureDatabase(Connection admin, String database, String owner) throws SQLException {
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            execute(admin, "CREATE DATABASE " + database + " OWNER " + owner + " ENCODING 'UTF8'");
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
