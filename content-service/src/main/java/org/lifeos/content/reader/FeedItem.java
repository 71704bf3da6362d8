package org.lifeos.content.reader;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a followed feed (seed 001 FeedItem); written only by the fetch, read and marked read by users. */
@Entity
@Table(name = "feed_items")
public class FeedItem {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    public String guid;

    public String link;

    public String title;

    public String summary;

    public String author;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "fetched_at")
    public Instant fetchedAt;
}
