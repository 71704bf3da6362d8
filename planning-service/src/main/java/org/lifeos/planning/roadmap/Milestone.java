package org.lifeos.planning.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.roadmap.RoadmapEnums.MilestoneStatus;

/** A milestone of a roadmap. */
@Entity
@Table(name = "roadmap_milestones")
public class Milestone {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "roadmap_id", nullable = false, updatable = false)
    public UUID roadmapId;

    public String title;

    public String description;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Convert(converter = RoadmapEnums.MilestoneStatusConverter.class)
    public MilestoneStatus status = MilestoneStatus.PLANNED;

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
