package org.lifeos.planning.note;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** When to be reminded of a note; due once its time has come, until dismissed. */
@Entity
@Table(name = "note_reminders")
public class NoteReminder {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "note_id", nullable = false, updatable = false)
    public UUID noteId;

    @Column(name = "remind_at")
    public Instant remindAt;

    @Column(name = "dismissed_at")
    public Instant dismissedAt;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
