package org.lifeos.content.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One item's numbers for one day (seed 004 content_metrics). */
@Entity
@Table(name = "content_metrics")
public class ContentMetric {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "item_id", updatable = false)
    public UUID itemId;

    @Column(name = "metric_date", updatable = false)
    public LocalDate date;

    public long views;
    public long likes;
    public long shares;
    public long comments;
    public long saves;

    @Column(name = "subscribers_gained")
    public int subscribersGained;

    public BigDecimal revenue;

    public String currency;

    @Column(name = "swipe_rate")
    public BigDecimal swipeRate;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public long engagements() {
        return likes + comments + shares + saves;
    }
}
