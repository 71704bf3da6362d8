package org.lifeos.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;

/** Records the event id and applies the handler's effect in one transaction. */
@ApplicationScoped
class EventProcessor {

    private final EntityManager entityManager;

    EventProcessor(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return false when the event was processed before and was skipped */
    @Transactional
    boolean processOnce(EventHandler handler, EventEnvelope<JsonNode> event) throws Exception {
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
}
