package org.lifeos.identity.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription as its owner sees it; {@code clientId} names the partner app that made it (null:
 * the user, in LifeOS); {@code secret} only in the answers that make or rotate it.
 */
public record WebhookView(UUID id, UUID circleId, String clientId, String url, List<String> eventTypes, List<String> scopes,
                          String status, Instant failingSince, Instant disabledAt, Instant previousSecretUntil,
                          Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(s.id(), s.tenantId(), s.clientId(), s.url(), s.eventTypes(), s.scopes(), s.status(), s.failingSince(),
                s.disabledAt(), s.previousSecretUntil(), s.createdAt(), secret);
    }
}
