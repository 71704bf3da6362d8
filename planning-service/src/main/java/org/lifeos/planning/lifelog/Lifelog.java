package org.lifeos.planning.lifelog;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.platform.ids.Ids;

/** A journal entry of a circle member (seed 002 LifeLogModule). */
@Entity
@Table(name = "lifelogs")
public class Lifelog {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public UUID authorId;

    public String content;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected Lifelog() {
    }

    /** A new life log entry in circle {@code tenantId}, written by {@code authorId}, with a fresh UUIDv7 id. */
    public Lifelog(UUID tenantId, UUID authorId) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.authorId = authorId;
        this.createdAt = Instant.now();
    }
}
