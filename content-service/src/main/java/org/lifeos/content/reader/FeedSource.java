package org.lifeos.content.reader;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An RSS or Atom feed the circle follows (seed 001 FeedSource), with what the fetch job knows of it. */
@Entity
@Table(name = "feed_sources")
public class FeedSource {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    public String title;

    public String url;

    /** The validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "failure_count")
    public int failureCount;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
