package org.lifeos.identity.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a webhook may subscribe to, each mapped to the Kafka topic and event type its
 * owning service already emits, the scope a subscriber needs for it, and the circle resource the
 * subscriber must be allowed to read. The payload of each carries only what that scope allows (its
 * domain's fields: the event's own payload record), nothing of another domain.
 *
 * <p>Health data is private to its owner even inside a shared circle, so {@code samples.ingested}
 * is {@link Source#ownerOnly() owner-only}: it is delivered only to the subscriptions of the member
 * whose samples they are (the event's actor), never to another member's.
 */
public final class WebhookEventTypes {

    /** What one webhook event type is made of. */
    public record Source(String topic, String kafkaType, String scope, String resource, boolean ownerOnly) {
        Source(String topic, String kafkaType, String scope, String resource) {
            this(topic, kafkaType, scope, resource, false);
        }
    }

    public static final Map<String, Source> TYPES;

    static {
        Map<String, Source> types = new LinkedHashMap<>();
        types.put("task.created", new Source("planning.task", "task.created", "planning:read", "tasks"));
        types.put("task.completed", new Source("planning.task", "task.completed", "planning:read", "tasks"));
        types.put("habit.checked_in", new Source("planning.habit", "habit.checked_in", "planning:read", "habits"));
        types.put("transaction.posted", new Source("finance.transaction", "transaction.posted", "finance:read",
                "transactions"));
        types.put("samples.ingested", new Source("health.samples", "samples.ingested", "health:read", "wearables",
                true));
        types.put("content.revenue", new Source("content.revenue", "revenue.recorded", "content:revenue", "content"));
        TYPES = Map.copyOf(types);
    }

    private WebhookEventTypes() {
    }

    public static Set<String> names() {
        return new TreeSet<>(TYPES.keySet());
    }

    /** The webhook type of a Kafka event on {@code topic}, or null when no webhook carries it. */
    public static String of(String topic, String kafkaType) {
        return TYPES.entrySet().stream()
                .filter(e -> e.getValue().topic().equals(topic) && e.getValue().kafkaType().equals(kafkaType))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
