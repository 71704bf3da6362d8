package org.lifeos.identity.circle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.platform.ids.Ids;

/** One entry of a circle's own history (append-only). */
@Entity
@Table(name = "circle_events")
public class CircleEvent {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Convert(converter = CircleEventType.Column.class)
    private CircleEventType type;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> payload;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CircleEvent() {
    }

    public CircleEvent(UUID circle, CircleEventType type, Map<String, Object> payload, UUID actor) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.type = type;
        this.payload = payload;
        this.createdBy = actor;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public CircleEventType type() {
        return type;
    }

    public Map<String, Object> payload() {
        return payload;
    }
}
