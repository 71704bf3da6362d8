package org.lifeos.finance.project;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One move of a project through the pipeline (its creation: no old status). Never changed. */
@Entity
@Immutable
@Table(name = "project_logs")
public class ProjectLog {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "project_id")
    public UUID projectId;

    @Convert(converter = ProjectStatus.Converter.class)
    @Column(name = "old_status")
    public ProjectStatus oldStatus;

    @Convert(converter = ProjectStatus.Converter.class)
    @Column(name = "new_status")
    public ProjectStatus newStatus;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
