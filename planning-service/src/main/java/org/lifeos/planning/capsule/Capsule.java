package org.lifeos.planning.capsule;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lifeos.platform.ids.Ids;

/** A time capsule (seed 002): sealed content that nobody can read before {@code unlockAt}. */
@Entity
@Table(name = "capsules")
public class Capsule {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public UUID authorId;

    @Column(updatable = false)
    public String title;

    @Column(updatable = false)
    public String content;

    @Column(name = "unlock_at", updatable = false)
    public Instant unlockAt;

    @Column(name = "unlocked_at")
    public Instant unlockedAt;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    /** For JPA. */
    protected Capsule() {
    }

    /** A new capsule in circle {@code tenantId}, written by {@code authorId}, with a fresh UUIDv7 id. */
    public Capsule(UUID tenantId, UUID authorId) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.authorId = authorId;
        this.createdAt = Instant.now();
    }

    public boolean sealedAt(Instant now) {
        return now.isBefore(unlockAt);
    }
}
