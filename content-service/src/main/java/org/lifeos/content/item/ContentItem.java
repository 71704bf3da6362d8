package org.lifeos.content.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.content.common.ContentPlatform;

/** A published piece of content on one platform (seed 004 content_items, seed 001 SocialPost). */
@Entity
@Table(name = "content_items")
public class ContentItem {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "calendar_entry_id")
    public UUID calendarEntryId;

    @Convert(converter = ContentPlatform.Converter.class)
    public ContentPlatform platform;

    @Column(name = "content_type")
    @Convert(converter = ItemType.Converter.class)
    public ItemType contentType;

    public String title;

    public String url;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "published_date")
    public LocalDate publishedDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "task_ids", columnDefinition = "uuid[]")
    public UUID[] taskIds = new UUID[0];

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
