package org.lifeos.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.platform.tenancy.TenantContext;

/** Gives each event its own request context carrying the event's circle and actor. */
@ApplicationScoped
class EventDispatcher {

    private final TenantContext context;
    private final EventProcessor processor;

    EventDispatcher(TenantContext context, EventProcessor processor) {
        this.context = context;
        this.processor = processor;
    }

    @ActivateRequestContext
    boolean dispatch(EventHandler handler, EventEnvelope<JsonNode> event) throws Exception {
        if (handler.broadcast()) {
            handler.handle(event);
            return true;
        }
        context.set(event.actorId(), event.tenantId());
        return processor.processOnce(handler, event);
    }
}
