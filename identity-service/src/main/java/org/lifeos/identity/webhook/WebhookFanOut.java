package org.lifeos.identity.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.policy.PermissionRules;
import org.lifeos.platform.ids.Ids;

/**
 * Turns a service's Kafka event into one pending delivery per matching subscription of the event's
 * circle, in the consuming transaction (the platform's inbox records the event id there too, so a
 * redelivered event writes nothing twice). Nothing is sent here: {@link WebhookSender} does.
 *
 * <p>The payload (Standard Webhooks shape: {@code type}, {@code timestamp}, {@code data}) carries the
 * circle id and the event's own record, which belongs to the event type's domain and so to the
 * scope the subscription needed for it; no field of another domain, and not the acting user.
 * A subscription whose owner may no longer read the type's resource in the circle (left it, a
 * role or policy changed, the account is being deleted) gets nothing.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final WebhookSubscriptionRepository subscriptions;
    private final CircleMemberRepository members;
    private final PermissionRules rules;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public WebhookFanOut(WebhookSubscriptionRepository subscriptions, CircleMemberRepository members,
                         PermissionRules rules, EntityManager entityManager, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.members = members;
        this.rules = rules;
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Whether the subscription's owner may still read the event type's resource in the circle, as
     * at subscribing: a member who left or was removed, whose role or the circle's policy no longer
     * lets them read it, or whose account is being deleted, hears nothing more of it.
     */
    private boolean mayStillRead(WebhookSubscription subscription, String resource) {
        boolean live = !entityManager.createNativeQuery("SELECT 1 FROM users WHERE id = ?1 AND deleted_at IS NULL")
                .setParameter(1, subscription.ownerId()).getResultList().isEmpty();
        return live && members.activeRole(subscription.tenantId(), subscription.ownerId())
                .map(role -> rules.allows(subscription.tenantId(), role, resource, "read")).orElse(false);
    }

    public void fanOut(String topic, EventEnvelope<JsonNode> event) throws Exception {
        String type = WebhookEventTypes.of(topic, event.type());
        if (type == null || event.tenantId() == null) {
            return;
        }
        WebhookEventTypes.Source source = WebhookEventTypes.TYPES.get(type);
        for (WebhookSubscription subscription : subscriptions.active()) {
            if (!subscription.tenantId().equals(event.tenantId()) || !subscription.eventTypes().contains(type)
                    || !subscription.scopes().contains(source.scope())
                    || source.ownerOnly() && !subscription.ownerId().equals(event.actorId())
                    || !mayStillRead(subscription, source.resource())) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("circleId", event.tenantId().toString());
            if (event.payload() != null && event.payload().isObject()) {
                event.payload().fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue()));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", type);
            payload.put("timestamp", (event.occurredAt() == null ? java.time.Instant.now() : event.occurredAt()).toString());
            payload.put("data", data);
            entityManager.createNativeQuery("""
                            INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, payload,
                                                            next_attempt_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), now())
                            ON CONFLICT (subscription_id, event_id) WHERE replay_of IS NULL DO NOTHING""")
                    .setParameter(1, Ids.next()).setParameter(2, event.tenantId()).setParameter(3, subscription.id())
                    .setParameter(4, event.eventId()).setParameter(5, type)
                    .setParameter(6, json.writeValueAsString(payload)).executeUpdate();
        }
    }
}
