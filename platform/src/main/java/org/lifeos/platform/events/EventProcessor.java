package org.lifeos.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;

/**
 * Handles an event at most once per consumer: records the event id under the handler's name and
 * applies the handler's effect in one transaction of its own, so a redelivered event, or one
 * replayed from elsewhere under the same handler, changes nothing the second time. The Kafka
 * consumers go through it ({@link EventConsumers}); so may a service that feeds a handler from
 * another source (identity-service's catch-up from Keycloak's event store), which then shares the
 * consumer's record of what was handled.
 */
@ApplicationScoped
public class EventProcessor {

    private final EntityManager entityManager;

    EventProcessor(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Call it outside a transaction, once per event, so each event has a transaction of its own.
     * (It stays {@code REQUIRED}: the platform's tenant interceptor is bound to that type only,
     * and it sets the circle and user of the caller's {@link org.lifeos.platform.tenancy.TenantContext}.)
     * Any exception, checked ones too, rolls the record back with the effect: the event is not
     * taken as handled, and a retry handles it.
     *
     * @return false when the event was processed before and was skipped
     */
    @Transactional(rollbackOn = Exception.class)
    public boolean processOnce(EventHandler handler, EventEnvelope<JsonNode> event) throws Exception {
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
