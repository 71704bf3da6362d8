package org.lifeos.planning.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.planning.domain.DomainDtos.DomainForm;
import org.lifeos.planning.domain.DomainService;
import org.lifeos.planning.domain.DomainType;
import org.lifeos.platform.events.EventHandler;

/**
 * A consumer for tests only: each event creates a domain in the event's circle (a real effect
 * in the database), or fails when the payload asks it to.
 */
@ApplicationScoped
public class ProbeHandler implements EventHandler {

    public static final String TOPIC = "planning.probe";
    static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private final DomainService domains;

    public ProbeHandler(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String name() {
        return "planning.probe-test";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        CALLS.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        if (event.payload().path("fail").asBoolean()) {
            throw new IllegalStateException("probe refused " + event.eventId());
        }
        DomainForm form = new DomainForm();
        form.name = event.payload().get("name").asText();
        form.type = DomainType.CONTENT;
        form.color = "#123456";
        form.icon = "probe";
        domains.create(form);
    }
}
