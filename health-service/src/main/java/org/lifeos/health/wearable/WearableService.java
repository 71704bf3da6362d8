package org.lifeos.health.wearable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.health.wearable.WearableDtos.DeviceForm;
import org.lifeos.health.wearable.WearableDtos.IngestResult;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * A member's devices and the ingest of their samples: checked by {@link SampleBatch}, written by
 * {@link SampleWriter} (a sample stored before is a duplicate, never a second row).
 */
@ApplicationScoped
public class WearableService {

    private static final int MAX_ERRORS_SHOWN = 1000;
    private static final UUID FIRST = new UUID(0, 0);

    private final WearableDeviceRepository devices;
    private final SampleWriter writer;
    private final WearableSettings settings;
    private final TenantContext context;
    private final ObjectMapper json;

    public WearableService(WearableDeviceRepository devices, SampleWriter writer, WearableSettings settings,
                           TenantContext context, ObjectMapper json) {
        this.settings = settings;
        this.devices = devices;
        this.writer = writer;
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

    /** Deletes the device and its samples; the daily summaries of their days are computed again. */
    @Transactional
    public void deleteDevice(UUID id, ZoneId zone) {
        WearableDevice device = getDevice(id);
        writer.forgetDevice(id, zone, () -> devices.delete(device));
    }

    @Transactional
    public IngestResult ingest(String body, boolean ndjson, ZoneId zone) {
        SampleBatch batch = SampleBatch.read(body == null ? "" : body, ndjson, devices.ids(), Instant.now(),
                Duration.ofDays(settings.retentionDays()), json);
        return store(batch, zone);
    }

    /** Writes {@code batch}'s valid samples; the counts of the answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    IngestResult store(SampleBatch batch, ZoneId zone) {
        SampleWriter.Written written = writer.write(batch.valid, zone);
        int duplicates = batch.valid.size() - written.accepted() + batch.repeats;
        return new IngestResult(written.accepted(), duplicates, batch.rejected.size(),
                batch.rejected.subList(0, Math.min(batch.rejected.size(), MAX_ERRORS_SHOWN)));
    }
}
