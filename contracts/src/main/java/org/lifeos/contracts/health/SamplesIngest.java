package org.lifeos.contracts.health;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payload of {@code health.samples.ingest} (type {@code samples.batch}), which wearable partners
 * produce at scale: one batch of one device's samples, the same objects as
 * {@code POST /api/v1/wearables/samples} ({@code {deviceId?, metric, value, unit, recordedAt,
 * endAt?}}; deviceId defaults to the batch's), at most 100,000. The envelope's {@code tenantId} is
 * the member's circle and its {@code actorId} the member; the device must be theirs. health-service
 * checks each sample as the API does, dedupes on (owner, device, metric, recordedAt), and handles
 * each event id once, so a redelivered batch adds nothing. {@code timeZone} (IANA, default UTC) is
 * the member's zone, for the daily summaries.
 */
public record SamplesIngest(UUID deviceId, String timeZone, List<Map<String, Object>> samples) {

    public static final String TOPIC = "health.samples.ingest";
    public static final String BATCH = "samples.batch";
}
