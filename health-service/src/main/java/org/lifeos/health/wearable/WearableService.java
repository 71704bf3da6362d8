package org.lifeos.health.wearable;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;
import org.lifeos.health.wearable.SampleBatch.Sample;
import org.lifeos.health.wearable.WearableDtos.DeviceForm;
import org.lifeos.health.wearable.WearableDtos.IngestResult;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * A member's devices and the ingest of their samples. Samples go into {@code wearable_samples}
 * (partitioned by UTC day; the partitions a batch needs are made first) in multi-row INSERTs of up
 * to {@link #ROWS_PER_INSERT} rows, {@code ON CONFLICT DO NOTHING} on the dedupe key (owner,
 * device, metric, recorded_at): a sample stored before is a duplicate, never a second row.
 */
@ApplicationScoped
public class WearableService {

    static final int ROWS_PER_INSERT = 1000;
    private static final int MAX_ERRORS_SHOWN = 1000;
    private static final UUID FIRST = new UUID(0, 0);

    private final WearableDeviceRepository devices;
    private final TenantContext context;
    private final ObjectMapper json;

    public WearableService(WearableDeviceRepository devices, TenantContext context, ObjectMapper json) {
        this.devices = devices;
        this.context = context;
        this.json = json;
    }

    @Transactional
    public WearableDevice createDevice(DeviceForm form) {
        WearableDevice device = new WearableDevice(context.circleId(), context.userId());
        device.name = form.name.strip();
        device.kind = form.kind;
        device.vendor = form.vendor;
        devices.persistAndFlush(device);
        return device;
    }

    @Transactional
    public List<WearableDevice> listDevices(Keyset keyset) {
        return devices.page(keyset.uuidOr(0, FIRST), keyset.fetch());
    }

    @Transactional
    public WearableDevice getDevice(UUID id) {
        return devices.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("device " + id));
    }

    @Transactional
    public void deleteDevice(UUID id) {
        devices.delete(getDevice(id));
    }

    @Transactional
    public IngestResult ingest(String body, boolean ndjson) {
        SampleBatch batch = SampleBatch.read(body == null ? "" : body, ndjson, devices.ids(), Instant.now(), json);
        EntityManager em = devices.getEntityManager();
        Set<LocalDate> days = new TreeSet<>();
        batch.valid.forEach(s -> days.add(LocalDate.ofInstant(s.recordedAt(), ZoneOffset.UTC)));
        for (LocalDate day : days) {
            em.createNativeQuery("SELECT wearable_samples_partition(?1)").setParameter(1, day).getSingleResult();
        }
        int[] accepted = {0};
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < batch.valid.size(); from += ROWS_PER_INSERT) {
                List<Sample> rows = batch.valid.subList(from, Math.min(batch.valid.size(), from + ROWS_PER_INSERT));
                try (PreparedStatement insert = connection.prepareStatement(insertOf(rows.size()))) {
                    int p = 1;
                    for (Sample s : rows) {
                        insert.setObject(p++, context.circleId());
                        insert.setObject(p++, context.userId());
                        insert.setObject(p++, s.deviceId());
                        insert.setString(p++, s.metric().wire());
                        insert.setBigDecimal(p++, s.value());
                        insert.setString(p++, s.metric().unit);
                        insert.setTimestamp(p++, Timestamp.from(s.recordedAt()));
                        if (s.endAt() == null) {
                            insert.setNull(p++, Types.TIMESTAMP_WITH_TIMEZONE);
                        } else {
                            insert.setTimestamp(p++, Timestamp.from(s.endAt()));
                        }
                    }
                    accepted[0] += insert.executeUpdate();
                }
            }
        });
        int duplicates = batch.valid.size() - accepted[0] + batch.repeats;
        return new IngestResult(accepted[0], duplicates, batch.rejected.size(),
                batch.rejected.subList(0, Math.min(batch.rejected.size(), MAX_ERRORS_SHOWN)));
    }

    private static String insertOf(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO wearable_samples (tenant_id, owner_id, device_id, metric, "
                + "value, unit, recorded_at, end_at) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz)");
        }
        return sql.append(" ON CONFLICT DO NOTHING").toString();
    }
}
