package org.lifeos.planning.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.goal.GoalEnums.Level;
import org.lifeos.planning.goal.GoalEnums.Status;

/** A goal of a circle, in a yearly → quarterly → monthly → weekly hierarchy; progress is derived. */
@Entity
@Table(name = "goals")
public class Goal {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    @Column(name = "parent_id")
    public UUID parentId;

    public String title;

    public String description;

    @Convert(converter = GoalEnums.LevelConverter.class)
    public Level level;

    @Convert(converter = GoalEnums.StatusConverter.class)
    public Status status = Status.ACTIVE;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(name = "current_value")
    public BigDecimal currentValue = BigDecimal.ZERO;

    public String unit;

    @Column(name = "progress_pct")
    public int progressPct;

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
