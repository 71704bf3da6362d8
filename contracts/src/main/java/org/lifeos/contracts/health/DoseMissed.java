package org.lifeos.contracts.health;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Payload of {@code health.medication} events of type {@code dose_missed}: a scheduled dose of a
 * medication (its wall-clock time {@code scheduledFor} in {@code timeZone}, which is the instant
 * {@code scheduledAt}) was neither taken nor skipped within the grace period. Sent once per dose:
 * health-service records each missed dose under a unique key in the transaction that writes the
 * event. The circle and member are the envelope's {@code tenantId} and {@code actorId}; no
 * medication name or dosage travels (they are health data).
 */
public record DoseMissed(UUID medicationId, LocalDateTime scheduledFor, String timeZone, Instant scheduledAt) {

    public static final String TOPIC = "health.medication";
    public static final String DOSE_MISSED = "dose_missed";
}
