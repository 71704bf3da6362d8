package org.lifeos.planning.board;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A column of a board, at a 0-based position that is dense within the board. */
@Entity
@Table(name = "kanban_columns")
public class KanbanColumn {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "board_id", nullable = false, updatable = false)
    public UUID boardId;

    public String title;

    public String color;

    public int position;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
