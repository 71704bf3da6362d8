package org.lifeos.finance.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.lifeos.devstack.testing.TestStack;

/** Raw reads of finance's database as the superuser (past row-level security): what is really stored. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... params) {
        return query(sql, params, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    public static String string(String sql, Object... params) {
        return query(sql, params, rows -> rows.next() ? rows.getString(1) : null);
    }

    /** The first column of every row, in the query's order. */
    public static java.util.List<String> strings(String sql, Object... params) {
        return query(sql, params, rows -> {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(String sql, Object[] params, Reader<T> reader) {
        try (Connection admin = TestStack.postgres().superuser("finance");
             PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the circle across the finance tables that hold writes (for "nothing written" checks). */
    public static long rowsOf(java.util.UUID circle) {
        return count("""
                SELECT (SELECT count(*) FROM accounts WHERE tenant_id = ?1)
                     + (SELECT count(*) FROM account_audit_logs WHERE tenant_id = ?1)
                     + (SELECT count(*) FROM transactions WHERE tenant_id = ?1)
                     + (SELECT count(*) FROM transaction_logs WHERE tenant_id = ?1)
                     + (SELECT count(*) FROM outbox_events WHERE tenant_id = ?1)""".replace("?1", "'" + circle + "'"));
    }
}
