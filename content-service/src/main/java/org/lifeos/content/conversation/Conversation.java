package org.lifeos.content.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A conversation with the assistant (seed 000 conversations), its author's own. */
@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    public String title;

    public String model;

    @Column(name = "is_voice")
    public boolean voice;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
