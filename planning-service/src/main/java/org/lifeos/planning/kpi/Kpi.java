package org.lifeos.planning.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.kpi.KpiScore.Aggregation;
import org.lifeos.platform.db.LowerCaseEnumConverter;
import org.lifeos.platform.ids.Ids;

/** A user-defined KPI of the circle (seed 004 user_kpis): a weekly target, scored normally or in reverse. */
@Entity
@Table(name = "kpis")
public class Kpi {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    public String name;

    public String unit;

    public String category;

    public String color;

    public BigDecimal target;

    @Column(name = "min_target")
    public BigDecimal minTarget;

    @Convert(converter = AggregationConverter.class)
    public Aggregation aggregation = Aggregation.TOTAL;

    @Column(name = "reverse_scoring")
    public boolean reverseScoring;

    @Column(name = "is_active")
    public boolean active = true;

    @Column(name = "sort_order")
    public int sortOrder;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected Kpi() {
    }

    /** A new KPI in circle {@code tenantId}, made by {@code createdBy}, with a fresh UUIDv7 id. */
    public Kpi(UUID tenantId, UUID createdBy) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public static class AggregationConverter extends LowerCaseEnumConverter<Aggregation> {
        public AggregationConverter() {
            super(Aggregation.class);
        }
    }
}
