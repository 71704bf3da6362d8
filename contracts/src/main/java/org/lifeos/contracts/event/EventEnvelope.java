package org.lifeos.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of every record on a LifeOS topic. The Kafka key is {@code tenantId}, so one
 * circle's events stay in order; consumers deduplicate on {@code eventId}.
 *
 * @param eventId    unique per event, stable across redeliveries
 * @param type       what happened, e.g. {@code task.completed}
 * @param occurredAt when the change was committed
 * @param tenantId   the circle the change belongs to
 * @param actorId    the user (or service) that made the change
 * @param payload    the event's own record, defined next to this one per aggregate
 */
public record EventEnvelope<T>(UUID eventId, String type, Instant occurredAt, UUID tenantId, UUID actorId, T payload) {
}
