package org.lifeos.contracts.privacy;

import java.util.UUID;

/**
 * Payload of {@code identity.erasure} events: a user deleted their account, and every service
 * that holds data must erase that user's data in one circle (the envelope's {@code tenantId},
 * which equals {@code circleId}). identity-service sends one event per circle the user belonged
 * to; each participating service answers each one with an {@link ErasureCompleted}.
 *
 * @param requestId the privacy request (identity's privacy_requests row) this belongs to
 * @param userId    the deleted user
 * @param circleId  the circle to erase in
 * @param scope     {@value #SCOPE_CIRCLE}: the circle ends with the user (their personal circle,
 *                  or a shared circle they were the only member of), so erase every row of it;
 *                  {@value #SCOPE_MEMBER}: the circle lives on, so erase what is the user's own
 *                  (their per-user rows, their assignments) and keep the circle's shared work
 */
public record ErasureRequested(UUID requestId, UUID userId, UUID circleId, String scope) {

    public static final String TOPIC = "identity.erasure";
    public static final String TYPE = "erasure.requested";
    public static final String SCOPE_CIRCLE = "circle";
    public static final String SCOPE_MEMBER = "member";
}
