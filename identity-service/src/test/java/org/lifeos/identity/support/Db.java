package org.lifeos.identity.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.TestStack;

/**
 * Looks at the identity database from outside the service: as the superuser (sees every row, to
 * assert what was written) or as one of the service's roles (fenced by row-level security like the
 * service).
 */
public final class Db {

    public static final String DATABASE = "identity";

    private Db() {
    }

    public static Connection superuser() throws SQLException {
        return TestStack.postgres().superuser(DATABASE);
    }

    public static Connection runtimeRole() throws SQLException {
        return as(Databases.runtimeRole(DATABASE));
    }

    /** As the erasure consumer's role, which may execute the erase functions and nothing else. */
    public static Connection eraserRole() throws SQLException {
        return as(Databases.eraserRole(DATABASE));
    }

    /** As the migration role, which owns the tables (an attacker with more power than the service). */
    public static Connection migrationRole() throws SQLException {
        return as(Databases.migrationRole(DATABASE));
    }

    private static Connection as(String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestStack.postgres().port() + "/" + DATABASE,
                role, Databases.devOnlyPassword(role));
    }

    /** The first column of every row of {@code sql}, run as the superuser. */
    public static List<Object> column(String sql, Object... parameters) {
        try (Connection connection = superuser()) {
            return column(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static List<Object> column(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        }
    }

    /** Makes {@code circle} and {@code user} the transaction's tenant and user, as the service does; needs autocommit off. */
    public static void asTenant(Connection connection, UUID circle, UUID user) throws SQLException {
        column(connection, "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)",
                circle.toString(), user.toString());
    }

    /** Makes {@code user} the transaction's user ({@code app.user_id}), as the service does; needs autocommit off. */
    public static void asUser(Connection connection, UUID user) throws SQLException {
        column(connection, "SELECT set_config('app.user_id', ?, true)", user.toString());
    }

    /** Runs a statement that returns no rows. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    public static long count(String sql, Object... parameters) {
        return ((Number) column(sql, parameters).get(0)).longValue();
    }
}
