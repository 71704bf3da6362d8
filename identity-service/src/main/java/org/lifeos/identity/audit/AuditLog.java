package org.lifeos.identity.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.ids.Ids;

/**
 * audit_logs: append, list and verify the hash chain of one circle. All SQL runs on the
 * transaction's own connection, under row-level security as the circle.
 *
 * <p>Appending takes a transaction-scoped advisory lock on the circle, reads the chain's latest
 * head (sequence and hash of its last row), inserts the next row with its hash computed by the
 * database ({@code audit_row_hash_v2} over the non-personal fields and a salted digest of the
 * personal ones, V14), so writer and verifier share one canonical form, and records the chain's
 * new head in {@code audit_chain_heads}. Concurrent writers of a circle therefore queue on the
 * lock and never fork the chain; writers of different circles do not wait for each other.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);

    private static final String COLUMNS = "id, tenant_id, seq, created_at, occurred_at, actor_id, source, action,"
            + " entity_type, entity_id, details, event_id, prev_hash";
    /**
     * Hash version 2 (V14): a random salt per row, the digest of the personal fields under it, and
     * the row hash over the other fields and that digest, so that the personal fields can later be
     * minimised without breaking the chain.
     */
    private static final String INSERT = "INSERT INTO audit_logs (" + COLUMNS + ", hash_version, personal_salt,"
            + " personal_digest, hash) SELECT v.*, 2, p.salt, p.digest,"
            + " audit_row_hash_v2(v.prev_hash, v.seq, v.id, v.tenant_id, v.created_at, v.occurred_at, v.source,"
            + " v.action, v.entity_type, v.event_id, p.digest)"
            + " FROM (SELECT ?::uuid AS id, ?::uuid AS tenant_id, ?::bigint AS seq, clock_timestamp() AS created_at,"
            + " ?::timestamptz AS occurred_at, ?::uuid AS actor_id, ?::text AS source, ?::text AS action,"
            + " ?::text AS entity_type, ?::text AS entity_id, ?::jsonb AS details, ?::uuid AS event_id,"
            + " ?::text AS prev_hash) v"
            + " CROSS JOIN LATERAL (SELECT s.salt, audit_personal_digest(s.salt, v.actor_id, v.entity_id, v.details)"
            + " AS digest FROM (SELECT gen_random_uuid()::text AS salt) s) p"
            + " RETURNING hash";
    /**
     * Per row of a chain, in order: what the stored hash must be (version 1: over the fields; version 2:
     * over the non-personal fields and the personal digest; a minimised version-1 row: its stored hash,
     * as its personal fields are gone) and whether the personal fields still match their digest
     * (a minimised row has none left to match).
     */
    private static final String CHAIN = "SELECT id, seq, created_at, prev_hash, hash,"
            + " CASE WHEN hash_version = 2 THEN audit_row_hash_v2(prev_hash, seq, id, tenant_id, created_at,"
            + " occurred_at, source, action, entity_type, event_id, personal_digest)"
            + " WHEN redacted_at IS NOT NULL THEN hash"
            + " ELSE audit_row_hash(prev_hash, seq, id, tenant_id, created_at, occurred_at, actor_id, source, action,"
            + " entity_type, entity_id, details, event_id) END,"
            + " hash_version = 1 OR redacted_at IS NOT NULL"
            + " OR personal_digest = audit_personal_digest(personal_salt, actor_id, entity_id, details),"
            + " redacted_at IS NOT NULL"
            + " FROM audit_logs WHERE tenant_id = ?::uuid ORDER BY seq";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public AuditLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** What is recorded; {@code occurredAt} null means now, {@code eventId} null for identity's own actions. */
    public record Entry(UUID circle, UUID actor, String source, String action, String entityType, String entityId,
                        Map<String, Object> details, Instant occurredAt, UUID eventId) {
    }

    /** One stored row, as the API shows it. */
    public record AuditEntryView(UUID id, long seq, Instant createdAt, Instant occurredAt, UUID actorId, String source,
                      String action, String entityType, String entityId, JsonNode details, String hash) {
    }

    /**
     * The chain's state: intact, or the first row where it breaks and why. {@code minimised}: rows
     * whose personal data was removed by an erasure (kept, still in the chain); {@code head}: the
     * sequence number the chain's latest anchored head records (0 for a circle without a log).
     */
    public record AuditVerificationView(boolean ok, long checked, long minimised, long head, Broken broken) {
    }

    /** Where the chain breaks; {@code id} and {@code createdAt} are null for rows that are missing. */
    public record Broken(UUID id, long seq, Instant createdAt, String reason) {
    }

    private record Head(long seq, String hash) {
    }

    /** Appends {@code entry} to its circle's chain, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Entry entry) {
        entityManager.flush();
        String details = write(entry.details() == null ? Map.of() : entry.details());
        session().doWork(connection -> {
            String previousTenant = single(connection, "SELECT current_setting('app.tenant_id', true)", null);
            String circle = entry.circle().toString();
            boolean switched = !circle.equals(previousTenant);
            if (switched) {
                single(connection, "SELECT set_config('app.tenant_id', ?, true)", circle);
            }
            try {
                TransactionLocks.hold(connection, List.of("audit_logs:" + circle));
                long seq = 1;
                String previous = GENESIS;
                // The chain goes on from its head, not from its last row: if rows were removed from
                // the end, the next row leaves the gap visible (and writes are not blocked).
                try (PreparedStatement last = connection.prepareStatement(
                        "SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = ?::uuid ORDER BY seq DESC LIMIT 1")) {
                    last.setString(1, circle);
                    try (ResultSet rows = last.executeQuery()) {
                        if (rows.next()) {
                            seq = rows.getLong(1) + 1;
                            previous = rows.getString(2);
                        }
                    }
                }
                String hash;
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    int i = 0;
                    insert.setString(++i, Ids.next().toString());
                    insert.setString(++i, circle);
                    insert.setLong(++i, seq);
                    insert.setString(++i, (entry.occurredAt() == null ? Instant.now() : entry.occurredAt()).toString());
                    insert.setString(++i, entry.actor() == null ? null : entry.actor().toString());
                    insert.setString(++i, entry.source());
                    insert.setString(++i, entry.action());
                    insert.setString(++i, entry.entityType());
                    insert.setString(++i, entry.entityId());
                    insert.setString(++i, details);
                    insert.setString(++i, entry.eventId() == null ? null : entry.eventId().toString());
                    insert.setString(++i, previous);
                    try (ResultSet inserted = insert.executeQuery()) {
                        inserted.next();
                        hash = inserted.getString(1);
                    }
                }
                // The chain's new head, anchored outside the chain in the same transaction: the
                // runtime role can add heads, never move or remove one (V14).
                try (PreparedStatement head = connection.prepareStatement(
                        "INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (?::uuid, ?, ?)")) {
                    head.setString(1, circle);
                    head.setLong(2, seq);
                    head.setString(3, hash);
                    head.executeUpdate();
                }
            } finally {
                if (switched) {
                    single(connection, "SELECT set_config('app.tenant_id', ?, true)",
                            previousTenant == null ? "" : previousTenant);
                }
            }
        });
    }

    /** Up to {@code limit} rows of the circle, newest first, before sequence {@code beforeSeq}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEntryView> page(UUID circle, long beforeSeq, int limit) {
        return session().doReturningWork(connection -> {
            List<AuditEntryView> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, seq, created_at, occurred_at, actor_id, source, action, entity_type, entity_id,"
                            + " details::text, hash FROM audit_logs WHERE tenant_id = ?::uuid AND seq < ?"
                            + " ORDER BY seq DESC LIMIT ?")) {
                query.setString(1, circle.toString());
                query.setLong(2, beforeSeq);
                query.setInt(3, limit);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new AuditEntryView(result.getObject(1, UUID.class), result.getLong(2),
                                result.getObject(3, OffsetDateTime.class).toInstant(),
                                result.getObject(4, OffsetDateTime.class).toInstant(),
                                result.getObject(5, UUID.class), result.getString(6), result.getString(7),
                                result.getString(8), result.getString(9), read(result.getString(10)),
                                result.getString(11)));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Walks the circle's chain from its first row: sequence numbers without gaps, each
     * {@code prev_hash} equal to the previous row's hash, each hash equal to the hash of the row's
     * content as stored now, each row's personal fields matching their digest unless minimised.
     * Then the chain must reach its latest head (audit_chain_heads, read first, so that a row
     * appended meanwhile only makes the chain longer): rows deleted from the end, or every row,
     * are missing, and named so. The first problem found is reported.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditVerificationView verify(UUID circle) {
        return session().doReturningWork(connection -> {
            Head head = latestHead(connection, circle);
            try (PreparedStatement query = connection.prepareStatement(CHAIN)) {
                query.setFetchSize(500);
                query.setString(1, circle.toString());
                long expectedSeq = 1;
                String previous = GENESIS;
                long checked = 0;
                long minimised = 0;
                String headHash = null;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        long seq = rows.getLong(2);
                        Instant created = rows.getObject(3, OffsetDateTime.class).toInstant();
                        String reason = null;
                        if (seq != expectedSeq) {
                            reason = seq < expectedSeq ? "sequence number repeated" : "rows before it are missing";
                        } else if (!rows.getString(4).equals(previous)) {
                            reason = "prev_hash does not match the previous row's hash";
                        } else if (!rows.getString(5).equals(rows.getString(6)) || !rows.getBoolean(7)) {
                            reason = "the row's content does not match its hash";
                        }
                        if (reason != null) {
                            return new AuditVerificationView(false, checked, minimised, head.seq(),
                                    new Broken(id, seq, created, reason));
                        }
                        previous = rows.getString(5);
                        if (seq == head.seq()) {
                            headHash = previous;
                        }
                        expectedSeq = seq + 1;
                        checked++;
                        minimised += rows.getBoolean(8) ? 1 : 0;
                    }
                }
                long last = expectedSeq - 1;
                if (last < head.seq()) {
                    String reason = last == 0
                            ? "the chain is empty, but its head records " + head.seq() + " rows: rows 1 to "
                                    + head.seq() + " are missing"
                            : "the chain ends at row " + last + ", but its head records row " + head.seq()
                                    + ": rows " + (last + 1) + " to " + head.seq() + " are missing";
                    return new AuditVerificationView(false, checked, minimised, head.seq(),
                            new Broken(null, last + 1, null, reason));
                }
                if (head.seq() > 0 && !head.hash().equals(headHash)) {
                    return new AuditVerificationView(false, checked, minimised, head.seq(), new Broken(null, head.seq(), null,
                            "row " + head.seq() + " is not the row its head records (hash differs)"));
                }
                return new AuditVerificationView(true, checked, minimised, head.seq(), null);
            }
        });
    }

    private static Head latestHead(Connection connection, UUID circle) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = ?::uuid ORDER BY seq DESC LIMIT 1")) {
            query.setString(1, circle.toString());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(0, null);
            }
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not JSON", e);
        }
    }

    private JsonNode read(String details) {
        try {
            return json.readTree(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not JSON", e);
        }
    }
}
