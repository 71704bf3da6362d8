package org.lifeos.content.feed;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A secret iCalendar URL of the circle's content calendar; only its secret's SHA-256 is stored. */
@Entity
@Table(name = "calendar_feeds")
public class CalendarFeed {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "owner_id", updatable = false)
    public UUID ownerId;

    public String name;

    @Column(name = "secret_hash", updatable = false)
    public byte[] secretHash;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
