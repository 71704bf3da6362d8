package org.lifeos.planning.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lifeos.planning.task.TaskEnums.Status;

/** One status change of a task (seed 002 task_logs); written with the change, never edited. */
@Entity
@Table(name = "task_logs")
public class TaskLog {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "task_id", updatable = false)
    public UUID taskId;

    /** Null for the status a task was created with. */
    @Convert(converter = TaskEnums.StatusConverter.class)
    @Column(name = "old_status", updatable = false)
    public Status oldStatus;

    @Convert(converter = TaskEnums.StatusConverter.class)
    @Column(name = "new_status", updatable = false)
    public Status newStatus;

    @Column(name = "changed_by", updatable = false)
    public UUID changedBy;

    @Column(name = "changed_at", updatable = false)
    public Instant changedAt;
}
