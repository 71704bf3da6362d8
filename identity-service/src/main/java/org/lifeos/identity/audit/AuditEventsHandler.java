package org.lifeos.identity.audit;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.contracts.audit.AuditEvent;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.platform.events.EventHandler;

/**
 * Stores every event of {@code audit.events} in the audit log of its circle. The platform runs
 * this in a transaction with the event's circle as tenant and records the event id in it, so a
 * redelivered event is stored once; an event that cannot be stored (no circle, missing fields)
 * ends on {@code audit.events.dlq} after the platform's retries.
 */
@ApplicationScoped
public class AuditEventsHandler implements EventHandler {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AuditLog log;
    private final ObjectMapper json;

    public AuditEventsHandler(AuditLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public String name() {
        return "identity.audit-log";
    }

    @Override
    public String topic() {
        return AuditEvent.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        if (event.tenantId() == null) {
            throw new IllegalArgumentException("audit event " + event.eventId() + " names no circle");
        }
        JsonNode payload = event.payload();
        String source = required(payload, "source");
        String action = required(payload, "action");
        String entityType = required(payload, "entityType");
        JsonNode entityId = payload.get("entityId");
        JsonNode details = payload.get("details");
        Map<String, Object> detailMap = details == null || details.isNull() ? Map.of() : json.convertValue(details, MAP);
        log.append(new AuditLog.Entry(event.tenantId(), event.actorId(), source, action, entityType,
                entityId == null || entityId.isNull() ? null : entityId.asText(), detailMap,
                event.occurredAt(), event.eventId()));
    }

    private static String required(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("audit event lacks " + field);
        }
        return value.asText();
    }
}
