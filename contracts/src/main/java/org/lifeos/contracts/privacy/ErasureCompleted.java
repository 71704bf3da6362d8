package org.lifeos.contracts.privacy;

import java.util.UUID;

/**
 * Payload of {@code erasure.completed} events: one service finished one {@link ErasureRequested}
 * (same request, user and circle; the envelope's {@code tenantId} is the circle). Every
 * participating service publishes here, through its outbox; identity-service owns the topic and
 * marks the privacy request complete once every participant has answered for every circle.
 *
 * @param service    the answering service, e.g. {@code planning-service}
 * @param rowsErased how many rows the service deleted or cleared (for the request's record)
 */
public record ErasureCompleted(UUID requestId, UUID userId, UUID circleId, String service, long rowsErased) {

    public static final String TOPIC = "erasure.completed";
    public static final String TYPE = "erasure.completed";
}
