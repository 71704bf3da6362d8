package org.lifeos.planning.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A KPI's value for one ISO week, with the target it was recorded against (seed 004 weekly_kpi_entries). */
@Entity
@Table(name = "kpi_entries")
public class KpiEntry {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "kpi_id", nullable = false, updatable = false)
    public UUID kpiId;

    @Column(name = "week_start", updatable = false)
    public LocalDate weekStart;

    public BigDecimal value;

    public BigDecimal target;

    @Column(name = "min_target")
    public BigDecimal minTarget;

    @Column(name = "reverse_scoring")
    public boolean reverseScoring;

    public String notes;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public KpiScore.Week week() {
        return new KpiScore.Week(weekStart, value, target, reverseScoring);
    }
}
