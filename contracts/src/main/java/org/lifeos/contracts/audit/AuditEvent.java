package org.lifeos.contracts.audit;

import java.util.Map;

/**
 * Payload of {@code audit.events}: a critical action some service performed in a circle (the
 * envelope's {@code tenantId}) by a user (the envelope's {@code actorId}), at the envelope's
 * {@code occurredAt}. identity-service stores each one, hash-chained per circle, in its audit log.
 * Key the record by the circle id, as every LifeOS topic.
 *
 * @param source     the service that acted, e.g. {@code planning-service}
 * @param action     what happened, e.g. {@code export.created}, {@code task.deleted}
 * @param entityType the kind of thing acted on, e.g. {@code export}, {@code partner_app}
 * @param entityId   its id, or null
 * @param details    small, non-secret facts about the action (never tokens, passwords or content)
 */
public record AuditEvent(String source, String action, String entityType, String entityId, Map<String, Object> details) {

    public static final String TOPIC = "audit.events";
    /** The envelope's type of every audit event; what happened is the payload's {@code action}. */
    public static final String TYPE = "audit.recorded";
}
