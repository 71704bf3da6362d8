package org.lifeos.health.wearable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.lifeos.health.wearable.SampleBatch.Sample;
import org.lifeos.platform.db.TransactionLocks;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Writes a checked batch of the current member's samples, for the REST ingest and the Kafka
 * topic alike. The batch is {@code COPY}ed into the session's temporary staging table as it is
 * read; the partitions of its days are made (in a transaction of their own, see
 * {@link WearablePartitions#make}); then, holding a transaction-scoped advisory lock per
 * (owner, device) of the batch, one statement keeps the staged rows that are not stored yet (one
 * anti-join on the dedupe key (owner, device, metric, recorded_at) within the batch's time range),
 * inserts them into {@code wearable_samples} with a plain {@code INSERT}, and merges the same rows
 * into {@code wearable_daily_summaries} with one upsert per day and metric: min and max by
 * least/greatest, sum and count added. No day is rescanned.
 *
 * <p>The lock is what makes the anti-join safe: two transactions writing samples of one device
 * take turns, and the second's statement starts after the first committed, so it sees the first's
 * rows and skips them; neither fails on the key nor counts a sample twice in the summaries. The
 * key stays the primary key, so a writer that bypassed the lock would fail loudly rather than
 * double-count. (Until 2026-12-06 the statement was {@code DELETE FROM staging RETURNING} into
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING}, summarising the returned rows: on a
 * 100,000-row batch that insert took 1.25 s, the plain insert after the anti-join takes 0.35 s;
 * docs/performance.md has the figures.)
 */
@ApplicationScoped
public class SampleWriter {

    /** New samples of one device on one day (in the zone the batch was written in). */
    public record DeviceDay(UUID deviceId, LocalDate day) implements Comparable<DeviceDay> {
        @Override
        public int compareTo(DeviceDay o) {
            int c = deviceId.compareTo(o.deviceId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    /** What a batch added: new samples in total and per device and day. */
    public record Written(int accepted, Map<DeviceDay, Integer> acceptedByDeviceDay) {
    }

    private final EntityManager em;
    private final TenantContext context;
    private final WearablePartitions partitions;

    public SampleWriter(EntityManager em, TenantContext context, WearablePartitions partitions) {
        this.em = em;
        this.context = context;
        this.partitions = partitions;
    }

    /** Writes {@code samples} (the Kafka path's batch, checked already). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written write(List<Sample> samples, ZoneId zone) {
        return write(sink -> samples.forEach(sink), zone);
    }

    /**
     * Writes the samples {@code batch} hands its sink, each as it is checked: they are streamed to
     * the staging table's {@code COPY} in chunks while the rest is still being read, so the
     * database takes them in while this JVM parses (the two used to take turns). A batch that fails
     * (a request refused whole) leaves nothing behind: the COPY is cancelled and the exception goes on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written write(Consumer<Consumer<Sample>> batch, ZoneId zone) {
        Map<DeviceDay, Integer> byDeviceDay = new TreeMap<>();
        int[] accepted = {0};
        String pgZone = PgZone.of(zone);
        Staging[] staging = new Staging[1];
        em.unwrap(Session.class).doWork(connection -> {
            Staging staged = new Staging(connection);
            staging[0] = staged;
            try {
                batch.accept(staged);
                staged.end();
            } catch (UncheckedSqlException e) {
                staged.cancel();
                throw e.getCause();
            } catch (RuntimeException | SQLException e) {
                staged.cancel();
                throw e;
            }
        });
        Staging staged = staging[0];
        if (staged.devices.isEmpty()) {
            return new Written(0, byDeviceDay);
        }
        partitions.make(staged.days);
        em.unwrap(Session.class).doWork(connection -> {
            lockDevices(connection, staged.devices);
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                merge.setObject(1, context.circleId());
                merge.setObject(2, context.userId());
                merge.setArray(3, connection.createArrayOf("uuid", staged.devices.toArray()));
                merge.setObject(4, staged.first.atOffset(ZoneOffset.UTC));
                merge.setObject(5, staged.last.atOffset(ZoneOffset.UTC));
                merge.setObject(6, context.circleId());
                merge.setObject(7, context.userId());
                merge.setString(8, pgZone);
                merge.setObject(9, context.circleId());
                merge.setObject(10, context.userId());
                try (ResultSet added = merge.executeQuery()) {
                    while (added.next()) {
                        int n = added.getInt(3);
                        accepted[0] += n;
                        byDeviceDay.merge(new DeviceDay(added.getObject(1, UUID.class),
                                added.getObject(2, LocalDate.class)), n, Integer::sum);
                    }
                }
            }
        });
        return new Written(accepted[0], byDeviceDay);
    }

    /**
     * The batch on its way into the session's staging table, in COPY's text format, sent in
     * chunks of about 64 KB; also what the merge needs to know of it: its UTC days (their
     * partitions), devices (their locks) and first and last instant. The COPY starts with the
     * first sample, so an empty batch (or one refused before its first) sends nothing.
     */
    private static final class Staging implements Consumer<Sample> {
        private static final int CHUNK = 64 * 1024;

        final Set<LocalDate> days = new TreeSet<>();
        final Set<UUID> devices = new TreeSet<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        private final Connection connection;
        private final StringBuilder rows = new StringBuilder(CHUNK + 256);
        private CopyIn copy;

        Staging(Connection connection) {
            this.connection = connection;
        }

        /**
         * Appends the sample's row. Every field is a UUID, a metric or unit name of {@link Metric},
         * a plain decimal or an ISO instant: none holds a tab, newline or backslash.
         */
        @Override
        public void accept(Sample s) {
            days.add(LocalDate.ofInstant(s.recordedAt(), ZoneOffset.UTC));
            devices.add(s.deviceId());
            first = s.recordedAt().isBefore(first) ? s.recordedAt() : first;
            last = s.recordedAt().isAfter(last) ? s.recordedAt() : last;
            rows.append(s.deviceId()).append('\t').append(s.metric().wire()).append('\t')
                    .append(s.value().toPlainString()).append('\t').append(s.metric().unit).append('\t')
                    .append(s.recordedAt()).append('\t').append(s.endAt() == null ? "\\N" : s.endAt().toString())
                    .append('\n');
            if (rows.length() >= CHUNK) {
                try {
                    send();
                } catch (SQLException e) {
                    throw new UncheckedSqlException(e);
                }
            }
        }

        private void send() throws SQLException {
            if (copy == null) {
                try (Statement staging = connection.createStatement()) {
                    staging.execute(STAGING);
                    // empty even if this transaction staged a batch before (ON COMMIT empties it at the end)
                    staging.execute("TRUNCATE wearable_samples_incoming");
                }
                copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY wearable_samples_incoming FROM STDIN");
            }
            byte[] chunk = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(chunk, 0, chunk.length);
            rows.setLength(0);
        }

        void end() throws SQLException {
            if (rows.length() > 0) {
                send();
            }
            if (copy != null) {
                copy.endCopy();
            }
        }

        void cancel() {
            try {
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the transaction is being rolled back anyway; the exception that brought us here matters
            }
        }
    }

    /** An SQLException out of {@link Staging#accept}, which a Consumer cannot declare. */
    private static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Takes the transaction-scoped advisory lock of each of the member's {@code devices}, in their
     * order (a sorted set: two batches of the same devices cannot deadlock), held until commit.
     */
    private void lockDevices(Connection connection, Set<UUID> devices) throws SQLException {
        TransactionLocks.hold(connection, devices.stream().map(this::lockKey).toList());
    }

    private String lockKey(UUID device) {
        return "wearable_samples:" + context.userId() + ":" + device;
    }

    /**
     * The session's staging table: a batch is {@code COPY}ed into it and read by {@link #MERGE} in
     * the same transaction; temporary, so no other session sees it and no row-level security is
     * needed on it. Made once per database connection, emptied at commit.
     */
    private static final String STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS wearable_samples_incoming (
                device_id uuid NOT NULL, metric varchar(30) NOT NULL, value numeric(14,4) NOT NULL,
                unit varchar(20) NOT NULL, recorded_at timestamptz NOT NULL, end_at timestamptz
            ) ON COMMIT DELETE ROWS""";

    /**
     * Inserts the staged samples not stored yet into {@code wearable_samples} as the current
     * member's (the policy's WITH CHECK holds it to the circle and owner) and merges the same rows
     * into the daily summaries; answers the new rows per device and day. The batch holds each key
     * once ({@link SampleBatch} dedupes it); the stored rows it is checked against are only those of
     * its devices within its first and last instant, so only the partitions of its days are read.
     * Run under {@link #lockDevices}.
     */
    private static final String MERGE = """
            WITH fresh AS MATERIALIZED (
              SELECT i.device_id, i.metric, i.value, i.unit, i.recorded_at, i.end_at
              FROM wearable_samples_incoming i
              WHERE NOT EXISTS (SELECT FROM wearable_samples w
                                WHERE w.tenant_id = ? AND w.owner_id = ? AND w.device_id = ANY (?)
                                  AND w.recorded_at BETWEEN ? AND ?
                                  AND w.device_id = i.device_id AND w.metric = i.metric
                                  AND w.recorded_at = i.recorded_at)),
            ins AS (INSERT INTO wearable_samples (tenant_id, owner_id, device_id, metric, value, unit, recorded_at, end_at)
                    SELECT ?, ?, device_id, metric, value, unit, recorded_at, end_at FROM fresh),
            by_day AS (SELECT device_id, metric, value, (recorded_at AT TIME ZONE ?)::date AS day FROM fresh),
            merged AS (
              INSERT INTO wearable_daily_summaries AS s (tenant_id, owner_id, day, metric, min_value, max_value,
                                                        sum_value, sample_count)
              SELECT ?, ?, day, metric, min(value), max(value), sum(value), count(*)
              FROM by_day GROUP BY metric, day ORDER BY metric, day
              ON CONFLICT (tenant_id, owner_id, metric, day) DO UPDATE SET
                min_value = least(s.min_value, excluded.min_value),
                max_value = greatest(s.max_value, excluded.max_value),
                sum_value = s.sum_value + excluded.sum_value,
                sample_count = s.sample_count + excluded.sample_count,
                updated_at = now())
            SELECT device_id, day, count(*)::int FROM by_day GROUP BY device_id, day""";

    /**
     * Before {@code device}'s samples go (its deletion cascades to them): the summaries of the
     * days and metrics they are in are computed again from the samples of the member's other
     * devices. The one place a day is rescanned, because a minimum cannot be taken back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetDevice(UUID device, ZoneId zone, Runnable deleteDevice) {
        String pgZone = PgZone.of(zone);
        // no batch of the device is between its anti-join and its commit meanwhile
        TransactionLocks.hold(em, lockKey(device));
        @SuppressWarnings("unchecked")
        List<Object[]> touched = em.createNativeQuery("""
                        DELETE FROM wearable_daily_summaries s
                        USING (SELECT DISTINCT metric, (recorded_at AT TIME ZONE ?1)::date AS day
                               FROM wearable_samples WHERE device_id = ?2) t
                        WHERE s.metric = t.metric AND s.day = t.day RETURNING s.metric, s.day""")
                .setParameter(1, pgZone).setParameter(2, device).getResultList();
        deleteDevice.run();
        em.flush();
        for (Object[] row : touched) {
            em.createNativeQuery("""
                            INSERT INTO wearable_daily_summaries (tenant_id, owner_id, day, metric, min_value,
                                                                  max_value, sum_value, sample_count)
                            SELECT tenant_id, owner_id, cast(?2 AS date), metric, min(value), max(value), sum(value),
                                   count(*)
                            FROM wearable_samples
                            WHERE metric = ?1 AND recorded_at >= (cast(?2 AS date)::timestamp AT TIME ZONE ?3)
                              AND recorded_at < ((cast(?2 AS date) + 1)::timestamp AT TIME ZONE ?3)
                            GROUP BY tenant_id, owner_id, metric""")
                    .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, pgZone).executeUpdate();
        }
    }
}
