package org.lifeos.content.weekly;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.content.common.ContentPlatform;

/** What a platform's dashboard said about the account in one ISO week (seed 004 platform_metrics). */
@Entity
@Table(name = "platform_metrics")
public class PlatformWeek {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Convert(converter = ContentPlatform.Converter.class)
    @Column(updatable = false)
    public ContentPlatform platform;

    @Column(name = "week_key", updatable = false)
    public String week;

    public Long followers;
    public Long reach;
    public Long impressions;
    public BigDecimal revenue;
    public String currency;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
