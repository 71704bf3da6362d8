package org.lifeos.identity.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.identity.client.KeycloakAdmin;

/**
 * Catches the ledger up from Keycloak's own event store after the listener could not deliver
 * (a Kafka outage longer than its retries). Each stored event is rebuilt into the envelope the
 * listener would have sent, with the same id (a name-based UUID of Keycloak's event id), and goes
 * through the same handler under the same consumer name: events already handled are skipped.
 * User events only; Keycloak's admin events (unlocks from its console) are not replayed.
 */
@ApplicationScoped
public class KeycloakEventsReplay {

    private static final int PAGE = 100;
    private static final int MAX_EVENTS = 10_000;

    private final KeycloakAdmin keycloak;
    private final KeycloakEventsHandler handler;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public KeycloakEventsReplay(KeycloakAdmin keycloak, KeycloakEventsHandler handler, EntityManager entityManager,
                                ObjectMapper json) {
        this.keycloak = keycloak;
        this.handler = handler;
        this.entityManager = entityManager;
        this.json = json;
    }

    public record Result(int read, int applied) {
    }

    /** Replays the stored user events from the day {@code from} on; each in its own transaction. */
    public Result replay(LocalDate from) {
        int read = 0;
        int applied = 0;
        for (int first = 0; first < MAX_EVENTS; first += PAGE) {
            JsonNode page = keycloak.storedEvents(from, first, PAGE);
            for (JsonNode stored : page) {
                read++;
                if (replayOne(envelope(stored))) {
                    applied++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Result(read, applied);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean replayOne(EventEnvelope<JsonNode> event) {
        // The platform's processed-events record, under the consumer's own name: what the consumer
        // handled is skipped here, and what is replayed here is skipped if it ever arrives.
        int inserted = entityManager.createNativeQuery(
                        "INSERT INTO processed_events (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, handler.name())
                .setParameter(2, event.eventId())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    /** The envelope keycloak-extensions' EventMessages makes of the same event. */
    EventEnvelope<JsonNode> envelope(JsonNode stored) {
        String id = stored.path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("Keycloak returned a stored event without an id");
        }
        JsonNode details = stored.path("details");
        String userId = stored.path("userId").asText(null);
        UUID subject = uuid(userId);
        if (subject == null) {
            subject = uuid(details.path("refresh_token_sub").asText(null));
        }
        ObjectNode payload = json.createObjectNode();
        payload.put("source", "user");
        payload.put("keycloakEventId", id);
        payload.put("realmId", stored.path("realmId").asText(null));
        payload.put("clientId", stored.path("clientId").asText(null));
        payload.put("userId", userId);
        payload.put("subjectUserId", subject == null ? null : subject.toString());
        payload.put("sessionId", stored.path("sessionId").asText(null));
        payload.put("ipAddress", stored.path("ipAddress").asText(null));
        payload.put("error", stored.path("error").asText(null));
        payload.set("details", details.isObject() ? details : json.createObjectNode());
        payload.put("replayed", true);
        return new EventEnvelope<>(UUID.nameUUIDFromBytes(("keycloak:user:" + id).getBytes(StandardCharsets.UTF_8)),
                stored.path("type").asText(), Instant.ofEpochMilli(stored.path("time").asLong()), null, subject, payload);
    }

    private static UUID uuid(String value) {
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
