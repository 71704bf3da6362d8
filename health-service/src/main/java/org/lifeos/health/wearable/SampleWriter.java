package org.lifeos.health.wearable;

import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.lifeos.health.wearable.SampleBatch.Sample;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Writes a checked batch of the current member's samples, for the REST ingest and the Kafka
 * topic alike. The partitions the batch needs are made first; the batch is {@code COPY}ed into the
 * session's temporary staging table, then one statement moves it into {@code wearable_samples}
 * with {@code ON CONFLICT DO NOTHING} on the dedupe key (owner, device, metric, recorded_at) and
 * merges exactly the rows it inserted (its {@code RETURNING}; duplicates are not returned) into
 * {@code wearable_daily_summaries} with one upsert per day and metric: min and max by
 * least/greatest, sum and count added. No day is rescanned. (Until 2026-12-06 the rows went as
 * multi-row INSERTs of 1,000 rows: 100 statements of 8,000 parameters for a full request, each
 * planned anew; docs/performance.md has the figures before and after.)
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

    public SampleWriter(EntityManager em, TenantContext context) {
        this.em = em;
        this.context = context;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Written write(List<Sample> samples, ZoneId zone) {
        Set<LocalDate> days = new TreeSet<>();
        samples.forEach(s -> days.add(LocalDate.ofInstant(s.recordedAt(), ZoneOffset.UTC)));
        for (LocalDate day : days) {
            em.createNativeQuery("SELECT wearable_samples_partition(?1)").setParameter(1, day).getSingleResult();
        }
        Map<DeviceDay, Integer> byDeviceDay = new TreeMap<>();
        int[] accepted = {0};
        if (samples.isEmpty()) {
            return new Written(0, byDeviceDay);
        }
        String pgZone = PgZone.of(zone);
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement staging = connection.createStatement()) {
                staging.execute(STAGING);
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY wearable_samples_incoming FROM STDIN", new StringReader(copyText(samples)));
            } catch (IOException e) {
                throw new SQLException("could not stream the batch to COPY", e);
            }
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                merge.setObject(1, context.circleId());
                merge.setObject(2, context.userId());
                merge.setString(3, pgZone);
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
     * The session's staging table: a batch is {@code COPY}ed into it and moved out by {@link #MERGE}
     * in the same transaction (which empties it); temporary, so no other session sees it and no
     * row-level security is needed on it. Made once per database connection.
     */
    private static final String STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS wearable_samples_incoming (
                device_id uuid NOT NULL, metric varchar(30) NOT NULL, value numeric(14,4) NOT NULL,
                unit varchar(20) NOT NULL, recorded_at timestamptz NOT NULL, end_at timestamptz
            ) ON COMMIT DELETE ROWS""";

    /**
     * Moves the staged batch into {@code wearable_samples} as the current member's (the policy's
     * WITH CHECK holds it to the circle and owner), skipping what is there already, and merges
     * exactly the inserted rows into the daily summaries; answers the new rows per device and day.
     */
    private static final String MERGE = """
            WITH batch AS (DELETE FROM wearable_samples_incoming RETURNING *),
            ins AS (INSERT INTO wearable_samples (tenant_id, owner_id, device_id, metric, value, unit, recorded_at, end_at)
                    SELECT ?, ?, device_id, metric, value, unit, recorded_at, end_at FROM batch
                    ON CONFLICT DO NOTHING RETURNING tenant_id, owner_id, device_id, metric, value, recorded_at),
            by_day AS (SELECT tenant_id, owner_id, device_id, metric, value,
                              (recorded_at AT TIME ZONE ?)::date AS day FROM ins),
            merged AS (
              INSERT INTO wearable_daily_summaries AS s (tenant_id, owner_id, day, metric, min_value, max_value,
                                                        sum_value, sample_count)
              SELECT tenant_id, owner_id, day, metric, min(value), max(value), sum(value), count(*)
              FROM by_day GROUP BY tenant_id, owner_id, metric, day ORDER BY metric, day
              ON CONFLICT (tenant_id, owner_id, metric, day) DO UPDATE SET
                min_value = least(s.min_value, excluded.min_value),
                max_value = greatest(s.max_value, excluded.max_value),
                sum_value = s.sum_value + excluded.sum_value,
                sample_count = s.sample_count + excluded.sample_count,
                updated_at = now())
            SELECT device_id, day, count(*)::int FROM by_day GROUP BY device_id, day""";

    /**
     * The batch in COPY's text format. Every field is a UUID, a metric or unit name of
     * {@link Metric}, a plain decimal or an ISO instant: none holds a tab, newline or backslash.
     */
    private static String copyText(List<Sample> samples) {
        StringBuilder rows = new StringBuilder(samples.size() * 110);
        for (Sample s : samples) {
            rows.append(s.deviceId()).append('\t').append(s.metric().wire()).append('\t')
                    .append(s.value().toPlainString()).append('\t').append(s.metric().unit).append('\t')
                    .append(s.recordedAt()).append('\t').append(s.endAt() == null ? "\\N" : s.endAt().toString())
                    .append('\n');
        }
        return rows.toString();
    }

    /**
     * Before {@code device}'s samples go (its deletion cascades to them): the summaries of the
     * days and metrics they are in are computed again from the samples of the member's other
     * devices. The one place a day is rescanned, because a minimum cannot be taken back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetDevice(UUID device, ZoneId zone, Runnable deleteDevice) {
        String pgZone = PgZone.of(zone);
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
