package org.lifeos.identity.circle;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Records what happens to circles in circle_events, in the transaction of the change. */
@ApplicationScoped
public class CircleEvents implements PanacheRepositoryBase<CircleEvent, UUID> {

    public void record(UUID circle, CircleEventType type, UUID actor, Map<String, Object> payload) {
        persist(new CircleEvent(circle, type, payload, actor));
    }
}
