package org.lifeos.identity.circle;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.identity.audit.AuditLog;
import org.lifeos.identity.audit.AuditService;

/**
 * Records what happens to circles in circle_events and, as a critical action, in the circle's
 * hash-chained audit log — both in the transaction of the change.
 */
@ApplicationScoped
public class CircleEvents implements PanacheRepositoryBase<CircleEvent, UUID> {

    private final AuditLog audit;

    public CircleEvents(AuditLog audit) {
        this.audit = audit;
    }

    public void record(UUID circle, CircleEventType type, UUID actor, Map<String, Object> payload) {
        persist(new CircleEvent(circle, type, payload, actor));
        Object member = payload.get("userId");
        boolean aboutMember = type.name().startsWith("MEMBER_") || type == CircleEventType.ROLE_CHANGED;
        audit.append(new AuditLog.Entry(circle, actor, AuditService.SOURCE,
                (aboutMember ? "member." : "circle.") + type.value(),
                aboutMember && member != null ? "member" : "circle",
                aboutMember && member != null ? member.toString() : circle.toString(),
                payload, null, null));
    }
}
