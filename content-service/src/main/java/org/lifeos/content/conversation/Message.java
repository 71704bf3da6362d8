package org.lifeos.content.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message (seed 000 messages); {@code parentId} is the message it follows, of the same conversation. */
@Entity
@Table(name = "messages")
public class Message {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "conversation_id")
    public UUID conversationId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Convert(converter = Role.Converter.class)
    public Role role;

    public String content;

    public String model;

    @Column(name = "token_count")
    public Integer tokenCount;

    @Column(name = "duration_ms")
    public Integer durationMs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> metadata;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
