package org.lifeos.planning.circle;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.identity.MembershipChanged;
import org.lifeos.platform.events.EventHandler;

/**
 * Keeps {@code circle_members} in step with identity's membership events. Runs once per event
 * (the platform records the event id with the effect), in the event's circle.
 */
@ApplicationScoped
public class MembershipProjection implements EventHandler {

    private final CircleMembers members;
    private final CircleArrival arrival;

    public MembershipProjection(CircleMembers members, CircleArrival arrival) {
        this.members = members;
        this.arrival = arrival;
    }

    @Override
    public String name() {
        return "planning.circle-members";
    }

    @Override
    public String topic() {
        return MembershipChanged.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        JsonNode payload = event.payload();
        UUID circle = event.tenantId();
        UUID named = uuid(payload, "circleId");
        if (named != null && !named.equals(circle)) {
            // Row-level security files rows under the event's circle; an event about another
            // circle than its own is not one identity-service sends, and is not applied.
            return;
        }
        UUID user = uuid(payload, "userId");
        String change = payload.path("change").asText("");
        String role = payload.hasNonNull("role") ? payload.get("role").asText() : null;
        arrival.forget(circle);
        switch (change) {
            case "member_added", "role_changed", "owner_transferred" -> {
                if (user != null) {
                    members.seen(circle, user, role);
                }
            }
            case "member_removed" -> {
                if (user != null) {
                    members.removed(circle, user);
                }
            }
            case "dissolved" -> members.dissolved(circle);
            default -> {
                // policy changes name no member; nothing to keep
            }
        }
    }

    private static UUID uuid(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }
}
