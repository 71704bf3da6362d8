package org.lifeos.health.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.lifeos.devstack.testing.TestStack;

/** Raw reads of health's database as the superuser (no row-level security), for what the API cannot show. */
public final class Db {

    private Db() {
    }

    public static Connection superuser() throws SQLException {
        return TestStack.postgres().superuser("health");
    }

    /** The first column of every row of {@code sql}, as text (null stays null). */
    public static List<String> column(String sql, Object... params) throws SQLException {
        try (Connection db = superuser(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    public static long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(column(sql, params).get(0));
    }
}
