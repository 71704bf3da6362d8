package org.lifeos.health;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.lifeos.platform.ids.Ids;

/**
 * What every health row has: its circle and the member it belongs to (row-level security shows it
 * to that member alone), a UUIDv7 id, an optimistic-locking version and its timestamps.
 */
@MappedSuperclass
public abstract class PrivateRow {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    protected PrivateRow() {
    }

    protected PrivateRow(UUID circle, UUID owner) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.ownerId = owner;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = Instant.now();
    }
}
