package org.lifeos.planning.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.planning.roadmap.RoadmapEnums.Status;

/** A roadmap of the circle (seed 004): ordered milestones towards an optional goal. */
@Entity
@Table(name = "roadmaps")
public class Roadmap {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    @Column(name = "goal_id")
    public UUID goalId;

    public String title;

    public String description;

    @Convert(converter = RoadmapEnums.StatusConverter.class)
    public Status status = Status.ACTIVE;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data = new HashMap<>();

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
