package org.lifeos.planning.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.activity.ActivityDtos.Category;
import org.lifeos.planning.task.TaskEnums;
import org.lifeos.planning.task.TaskEnums.EnergyLevel;

/** An entry of the circle's activity catalog (seed 001); tasks are made from it. */
@Entity
@Table(name = "activities")
public class Activity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    public String title;

    public String description;

    @Convert(converter = ActivityDtos.CategoryConverter.class)
    public Category category;

    @Column(name = "default_duration")
    public int defaultDuration = 90;

    @Convert(converter = TaskEnums.EnergyLevelConverter.class)
    @Column(name = "energy_level")
    public EnergyLevel energyLevel = EnergyLevel.MEDIUM;

    public String icon;

    @Column(name = "is_active")
    public boolean active = true;

    @Column(name = "sort_order")
    public int sortOrder;

    /** Counted by the database when a task is made from the activity; never written by clients. */
    @Column(name = "times_used", insertable = false, updatable = false)
    public int timesUsed;

    @Column(name = "last_used", insertable = false, updatable = false)
    public Instant lastUsed;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
