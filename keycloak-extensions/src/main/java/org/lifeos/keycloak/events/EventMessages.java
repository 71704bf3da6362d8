package org.lifeos.keycloak.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.lifeos.contracts.keycloak.KeycloakEvent;

/**
 * Turns Keycloak's events into records for the {@link KeycloakEvent#TOPIC} topic, in the LifeOS
 * envelope shape ({@code org.lifeos.contracts.event.EventEnvelope}): {@code eventId},
 * {@code type}, {@code occurredAt}, {@code tenantId} (always null: these events belong to a
 * person, not a circle), {@code actorId} and a {@link KeycloakEvent} payload. The key is the user
 * the event is about, so one user's events stay in order.
 *
 * <p>The event id is a name-based UUID of Keycloak's own event id: a redelivery, or the same
 * event read back from Keycloak's event store, gets the same id, and consumers deduplicate on it.
 * Admin events never carry their representation (it can hold credentials).
 */
public final class EventMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_USER_AGENT = 512;
    private static final Pattern USER_PATH = Pattern.compile("^(?:users|attack-detection/brute-force/users)/([0-9a-fA-F-]{36})(?:/.*)?$");

    private EventMessages() {
    }

    /** One record: its key (null when the event names no user) and its JSON value. */
    public record Message(String key, String value) {
    }

    public static Message of(Event event) {
        return of(event, null);
    }

    /** As {@link #of(Event)}, with the User-Agent of the request that caused the event (cut to 512 characters). */
    public static Message of(Event event, String userAgent) {
        String type = event.getType() == null ? "UNKNOWN" : event.getType().name();
        UUID eventId = eventId(KeycloakEvent.USER, event.getId(), type, event.getTime(), event.getUserId(),
                event.getSessionId());
        UUID user = user(event);
        String subject = user == null ? null : user.toString();
        KeycloakEvent payload = KeycloakEvent.user(event.getId(), event.getRealmName(), event.getRealmId(),
                event.getClientId(), event.getUserId(), subject, event.getSessionId(), event.getIpAddress(),
                limited(userAgent), event.getError(), sorted(event.getDetails()));
        return new Message(subject, envelope(eventId, type, event.getTime(), user, payload));
    }

    /**
     * Who the event is about. A rejected refresh token (reuse of a rotated one among them) comes
     * without a user id; Keycloak names the token's subject in {@code refresh_token_sub}.
     */
    private static UUID user(Event event) {
        UUID user = uuidOrNull(event.getUserId());
        if (user == null && event.getDetails() != null) {
            user = uuidOrNull(event.getDetails().get("refresh_token_sub"));
        }
        return user;
    }

    /**
     * An admin event. Its type is {@code ADMIN_<resource type>_<operation>}, e.g.
     * {@code ADMIN_USER_LOGIN_FAILURE_DELETE} when an administrator clears a user's lockout;
     * the actor is the administrator, the key (and {@code subjectUserId}) the user acted on.
     */
    public static Message of(AdminEvent event) {
        AuthDetails auth = event.getAuthDetails();
        String resourceType = event.getResourceTypeAsString() != null ? event.getResourceTypeAsString()
                : event.getResourceType() == null ? "UNKNOWN" : event.getResourceType().name();
        String operation = event.getOperationType() == null ? "UNKNOWN" : event.getOperationType().name();
        String type = "ADMIN_" + resourceType + "_" + operation;
        String subject = subjectUser(event.getResourcePath());
        KeycloakEvent payload = KeycloakEvent.admin(event.getId(), event.getRealmName(), event.getRealmId(),
                auth == null ? null : auth.getClientId(), subject, auth == null ? null : auth.getIpAddress(),
                event.getError(), sorted(event.getDetails()), resourceType, operation, event.getResourcePath(),
                auth == null ? null : auth.getRealmId());
        String actor = auth == null ? null : auth.getUserId();
        UUID eventId = eventId(KeycloakEvent.ADMIN, event.getId(), type, event.getTime(), event.getResourcePath(), actor);
        return new Message(subject, envelope(eventId, type, event.getTime(), uuidOrNull(actor), payload));
    }

    /** The user a resource path is about ({@code users/<id>/...}), or null. */
    static String subjectUser(String resourcePath) {
        if (resourcePath == null) {
            return null;
        }
        Matcher matcher = USER_PATH.matcher(resourcePath);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Stable per Keycloak event: derived from Keycloak's event id, or, for an event without one,
     * from what identifies it.
     */
    static UUID eventId(String source, String keycloakId, String type, long time, String a, String b) {
        String name = keycloakId != null && !keycloakId.isBlank()
                ? "keycloak:" + source + ":" + keycloakId
                : "keycloak:" + source + ":" + type + ":" + time + ":" + a + ":" + b;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The envelope is written field by field: {@code EventEnvelope}'s {@code Instant} would need
     * Jackson's java.time module, which Keycloak does not promise its providers.
     */
    private static String envelope(UUID eventId, String type, long time, UUID actor, KeycloakEvent payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("eventId", eventId.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", Instant.ofEpochMilli(time).toString());
        envelope.putNull("tenantId");
        envelope.put("actorId", actor == null ? null : actor.toString());
        envelope.set("payload", JSON.valueToTree(payload));
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + eventId, e);
        }
    }

    /** The user agent without surrounding blanks, at most {@link #MAX_USER_AGENT} characters; null when blank. */
    private static String limited(String userAgent) {
        String agent = userAgent == null ? "" : userAgent.strip();
        if (agent.isEmpty()) {
            return null;
        }
        return agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent;
    }

    private static Map<String, String> sorted(Map<String, String> details) {
        return details == null ? Map.of() : new TreeMap<>(details);
    }

    private static UUID uuidOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
