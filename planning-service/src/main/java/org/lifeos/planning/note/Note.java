package org.lifeos.planning.note;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.platform.ids.Ids;

/** A note of the circle (seed 002 KnowledgeBase); the database keeps its full-text vector. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

    public String title;

    public String content = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** For JPA. */
    protected Note() {
    }

    /** A new note in circle {@code tenantId}, owned by {@code ownerId}, with a fresh UUIDv7 id. */
    public Note(UUID tenantId, UUID ownerId) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.ownerId = ownerId;
        this.createdAt = Instant.now();
    }
}
