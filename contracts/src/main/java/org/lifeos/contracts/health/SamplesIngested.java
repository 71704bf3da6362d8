package org.lifeos.contracts.health;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code health.samples} (type {@code samples.ingested}): a batch added samples of one
 * device on one day ({@code day} in {@code timeZone}, the member's), from the API or
 * {@code health.samples.ingest} ({@code source}: {@code api} or {@code kafka}). {@code accepted}
 * new samples were stored, {@code duplicates} valid ones were already there (or repeated in the
 * batch). One event per device and day of a batch that stored at least one sample; the circle and
 * member are the envelope's {@code tenantId} and {@code actorId}.
 */
public record SamplesIngested(UUID deviceId, LocalDate day, String timeZone, int accepted, int duplicates,
                              String source) {

    public static final String TOPIC = "health.samples";
    public static final String INGESTED = "samples.ingested";
}
