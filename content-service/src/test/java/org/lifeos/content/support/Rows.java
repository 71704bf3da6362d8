package org.lifeos.content.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lifeos.devstack.testing.TestStack;

/** What a circle holds in content's database, read as the superuser (around row-level security). */
public final class Rows {

    private Rows() {
    }

    public static long count(String table, UUID circle) {
        try (Connection admin = TestStack.postgres().superuser("content");
             PreparedStatement query = admin.prepareStatement("SELECT count(*) FROM " + table
                     + " WHERE tenant_id = ?")) {
            query.setObject(1, circle);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Payloads (JSON text) of the circle's outbox events on {@code topic}, oldest first. */
    public static List<String> outbox(UUID circle, String topic) {
        try (Connection admin = TestStack.postgres().superuser("content");
             PreparedStatement query = admin.prepareStatement("SELECT envelope->>'payload' FROM outbox_events "
                     + "WHERE tenant_id = ? AND topic = ? ORDER BY seq")) {
            query.setObject(1, circle);
            query.setString(2, topic);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Event types of the circle's outbox events on {@code topic} whose payload's {@code field} is {@code value}. */
    public static List<String> types(UUID circle, String topic, String field, UUID value) {
        try (Connection admin = TestStack.postgres().superuser("content");
             PreparedStatement query = admin.prepareStatement("SELECT event_type FROM outbox_events "
                     + "WHERE tenant_id = ? AND topic = ? AND envelope->'payload'->>? = ? ORDER BY seq")) {
            query.setObject(1, circle);
            query.setString(2, topic);
            query.setString(3, field);
            query.setString(4, value.toString());
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
