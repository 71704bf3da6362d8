package org.lifeos.planning.timeblock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.planning.timeblock.TimeBlockEnums.BlockType;
import org.lifeos.planning.timeblock.TimeBlockEnums.Status;
import org.lifeos.platform.ids.Ids;

/** A span of one user's calendar day, [start, end), optionally for a task or a habit of the circle. */
@Entity
@Table(name = "time_blocks")
public class TimeBlock {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "domain_id")
    public UUID domainId;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "habit_id")
    public UUID habitId;

    public String title;

    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    @Convert(converter = TimeBlockEnums.BlockTypeConverter.class)
    @Column(name = "block_type")
    public BlockType blockType;

    @Convert(converter = TimeBlockEnums.StatusConverter.class)
    public Status status = Status.PLANNED;

    public String notes;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected TimeBlock() {
    }

    /** A new time block in circle {@code tenantId}, of the user {@code userId}, with a fresh UUIDv7 id. */
    public TimeBlock(UUID tenantId, UUID userId) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.userId = userId;
        this.createdAt = Instant.now();
    }
}
