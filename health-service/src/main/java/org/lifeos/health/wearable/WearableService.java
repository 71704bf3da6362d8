package org.lifeos.health.wearable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lifeos.contracts.health.SamplesIngested;
import org.lifeos.health.wearable.SampleWriter.DeviceDay;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.health.wearable.WearableDtos.DeviceForm;
import org.lifeos.health.wearable.WearableDtos.IngestResult;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.ReadOnly;
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
    private final Outbox outbox;
    private final TenantContext context;
    private final ObjectMapper json;

    public WearableService(WearableDeviceRepository devices, SampleWriter writer, WearableSettings settings,
                           Outbox outbox, TenantContext context, ObjectMapper json) {
        this.settings = settings;
        this.outbox = outbox;
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
        device.partnerClientId = context.firstParty() ? blankToNull(form.partnerClientId)
                : context.clientId().orElseThrow();
        devices.persistAndFlush(device);
        return device;
    }

    @Transactional
    @ReadOnly
    public List<WearableDevice> listDevices(Keyset keyset) {
        return devices.page(keyset.uuidOr(0, FIRST), keyset.fetch());
    }

    @Transactional
    @ReadOnly
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
        Set<UUID> writable = writableDevices();
        Instant now = Instant.now();
        SampleBatch[] batch = new SampleBatch[1];
        // each valid sample goes to the writer's COPY as soon as it is read
        SampleWriter.Written written = writer.write(sink -> batch[0] = SampleBatch.read(body == null ? "" : body,
                ndjson, writable, now, maxAge(), json, sink), zone);
        return announce(batch[0], written, zone, "api");
    }

    /**
     * A {@code health.samples.ingest} batch of the current member (the event's actor): the samples
     * are checked as the API's, for the batch's device only, which must be the member's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IngestResult ingestBatch(JsonNode payload) {
        UUID device = UUID.fromString(payload.path("deviceId").asText());
        ZoneId zone = payload.hasNonNull("timeZone") ? ZoneId.of(payload.get("timeZone").asText()) : ZoneOffset.UTC;
        JsonNode samples = payload.get("samples");
        if (samples != null && samples.isArray()) {
            for (JsonNode sample : samples) {
                if (sample instanceof ObjectNode object && !object.has("deviceId")) {
                    object.put("deviceId", device.toString());
                }
            }
        }
        Set<UUID> allowed = devices.ids().contains(device) ? Set.of(device) : Set.of();
        SampleBatch batch = SampleBatch.ofArray(samples, allowed, Instant.now(), maxAge());
        return announce(batch, writer.write(batch.valid, zone), zone, "kafka");
    }

    /** The devices the caller may ingest for: all the member's, or a partner app's own. */
    private Set<UUID> writableDevices() {
        return context.firstParty() ? devices.ids() : devices.idsOfPartner(context.clientId().orElseThrow());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Duration maxAge() {
        return Duration.ofDays(settings.retentionDays());
    }

    /**
     * In the transaction that wrote {@code batch}'s valid samples: one {@code health.samples} event
     * per device and day that gained samples; the counts of the answer.
     */
    private IngestResult announce(SampleBatch batch, SampleWriter.Written written, ZoneId zone, String source) {
        Map<DeviceDay, Integer> valid = new HashMap<>();
        batch.valid.forEach(s -> valid.merge(new DeviceDay(s.deviceId(), LocalDate.ofInstant(s.recordedAt(), zone)),
                1, Integer::sum));
        written.acceptedByDeviceDay().forEach((deviceDay, accepted) -> outbox.publish(SamplesIngested.TOPIC,
                SamplesIngested.INGESTED, new SamplesIngested(deviceDay.deviceId(), deviceDay.day(), zone.getId(),
                        accepted, valid.getOrDefault(deviceDay, accepted) - accepted, source)));
        int duplicates = batch.valid.size() - written.accepted() + batch.repeats;
        return new IngestResult(written.accepted(), duplicates, batch.rejected.size(),
                batch.rejected.subList(0, Math.min(batch.rejected.size(), MAX_ERRORS_SHOWN)));
    }
}
