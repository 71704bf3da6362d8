package org.lifeos.planning.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.sprint.SprintEnums.Status;

/** A sprint of the circle (seed 000), optionally one of a cycle of on/off periods (seed 004). */
@Entity
@Table(name = "sprints")
public class Sprint {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    public String name;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Convert(converter = SprintEnums.StatusConverter.class)
    public Status status = Status.PLANNED;

    public String goal;

    public String retrospective;

    @Column(name = "cycle_on_days")
    public Integer cycleOnDays;

    @Column(name = "cycle_off_days")
    public Integer cycleOffDays;

    @Column(name = "previous_sprint_id", updatable = false)
    public UUID previousSprintId;

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

    public boolean inCycle() {
        return cycleOnDays != null;
    }
}
