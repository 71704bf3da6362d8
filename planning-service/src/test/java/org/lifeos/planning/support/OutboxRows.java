package org.lifeos.planning.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lifeos.devstack.testing.TestStack;

/** Reads what a circle wrote to its outbox, as the database holds it (superuser, around RLS). */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** Payloads (JSON text) of the circle's events of {@code type} on {@code topic}, oldest first. */
    public static List<String> payloads(UUID circle, String topic, String type) {
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT envelope->>'payload' FROM outbox_events "
                     + "WHERE tenant_id = ? AND topic = ? AND event_type = ? ORDER BY seq")) {
            query.setObject(1, circle);
            query.setString(2, topic);
            query.setString(3, type);
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

    /** Rows of {@code table} in the circle, counted around row-level security. */
    public static long count(String table, UUID circle) {
        try (Connection admin = TestStack.postgres().superuser("planning");
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

    /** The {@code previousPct->progressPct} moves announced for a goal, oldest first. */
    public static List<String> goalProgressMoves(UUID circle, UUID goal) throws Exception {
        List<String> moves = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT envelope->'payload'->>'previousPct', "
                     + "envelope->'payload'->>'progressPct' FROM outbox_events WHERE tenant_id = ? "
                     + "AND topic = 'planning.goal' AND event_type = 'goal.progress_changed' "
                     + "AND envelope->'payload'->>'goalId' = ? ORDER BY seq")) {
            query.setObject(1, circle);
            query.setString(2, goal.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    moves.add(rows.getString(1) + "->" + rows.getString(2));
                }
            }
        }
        return moves;
    }

    /** The event types of one topic whose payload names {@code field = value}, oldest first. */
    public static List<String> types(UUID circle, String topic, String field, UUID value) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection admin = TestStack.postgres().superuser("planning");
             PreparedStatement query = admin.prepareStatement("SELECT event_type FROM outbox_events "
                     + "WHERE tenant_id = ? AND topic = ? AND envelope->'payload'->>? = ? ORDER BY seq")) {
            query.setObject(1, circle);
            query.setString(2, topic);
            query.setString(3, field);
            query.setString(4, value.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }
}
