package org.lifeos.health.share;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.health.medical.EntryType;
import org.lifeos.platform.ids.Ids;

/** The owner's entry ({@code entryId}) or category ({@code entryType}), shown read-only to one member. */
@Entity
@Table(name = "health_shares")
public class HealthShare {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

    @Column(name = "grantee_id", nullable = false, updatable = false)
    public UUID granteeId;

    @Column(name = "entry_id", updatable = false)
    public UUID entryId;

    @Convert(converter = EntryType.Converter.class)
    @Column(name = "entry_type", updatable = false)
    public EntryType entryType;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    protected HealthShare() {
    }

    HealthShare(UUID circle, UUID owner, UUID grantee, UUID entryId, EntryType entryType) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.ownerId = owner;
        this.granteeId = grantee;
        this.entryId = entryId;
        this.entryType = entryType;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now();
    }
}
