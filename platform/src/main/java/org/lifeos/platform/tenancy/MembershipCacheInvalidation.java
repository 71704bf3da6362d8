package org.lifeos.platform.tenancy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.identity.MembershipChanged;
import org.lifeos.platform.events.EventHandler;

/** Drops cached access decisions of a circle as soon as its membership or policies change. */
@ApplicationScoped
public class MembershipCacheInvalidation implements EventHandler {

    private final AccessClient access;
    private final String service;

    public MembershipCacheInvalidation(AccessClient access,
                                       @org.eclipse.microprofile.config.inject.ConfigProperty(
                                               name = "quarkus.application.name") String service) {
        this.access = access;
        this.service = service;
    }

    @Override
    public String name() {
        return service + ".access-cache";
    }

    @Override
    public String topic() {
        return MembershipChanged.TOPIC;
    }

    @Override
    public boolean broadcast() {
        return true;
    }

    @Override
    public void handle(EventEnvelope<JsonNode> event) {
        JsonNode circle = event.payload().get("circleId");
        access.evictCircle(circle == null || circle.isNull() ? event.tenantId() : UUID.fromString(circle.asText()));
    }
}
