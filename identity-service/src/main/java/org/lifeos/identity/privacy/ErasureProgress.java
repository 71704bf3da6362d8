package org.lifeos.identity.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.platform.events.EventHandler;

/**
 * The services' answers to {@code identity.erasure}: each marks its step of the privacy request
 * done, and the last one completes the request. Runs once per event (the platform records the
 * event id with the effect), as the request's user. An answer that names no pending step (a
 * service not listed in {@code lifeos.privacy.participants}, or a second answer) changes nothing.
 */
@ApplicationScoped
public class ErasureProgress implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ErasureProgress.class);

    private final PrivacyRequests requests;
    private final Tenancy tenancy;

    public ErasureProgress(PrivacyRequests requests, Tenancy tenancy) {
        this.requests = requests;
        this.tenancy = tenancy;
    }

    @Override
    public String name() {
        return "identity.erasure-progress";
    }

    @Override
    public String topic() {
        return ErasureCompleted.TOPIC;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        JsonNode payload = event.payload();
        UUID request = uuid(payload, "requestId");
        UUID user = uuid(payload, "userId");
        UUID circle = uuid(payload, "circleId");
        String service = payload.path("service").asText("").strip();
        if (!circle.equals(event.tenantId()) || service.isEmpty()) {
            throw new IllegalArgumentException("an erasure answer must name a service and its own circle");
        }
        tenancy.apply(circle, user);
        boolean counted = requests.markDone(request, service, circle, payload.path("rowsErased").asLong(0));
        if (!counted) {
            LOG.infof("Erasure answer %s from %s for request %s, circle %s matches no pending step; ignored",
                    event.eventId(), service, request, circle);
        }
    }

    private static UUID uuid(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return UUID.fromString(value.asText());
    }
}
