package org.lifeos.planning.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.platform.ids.Ids;

/** One user's free-form metrics of one day (seed 004 metrics): new metrics need no schema change. */
@Entity
@Table(name = "daily_metrics")
public class DailyMetric {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(updatable = false)
    public LocalDate date;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data = new HashMap<>();

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected DailyMetric() {
    }

    /**
     * A new daily metrics record of user {@code userId} in circle {@code tenantId} on {@code date}, with a
     * fresh UUIDv7 id.
     */
    public DailyMetric(UUID tenantId, UUID userId, LocalDate date) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.userId = userId;
        this.date = date;
        this.createdAt = Instant.now();
    }
}
