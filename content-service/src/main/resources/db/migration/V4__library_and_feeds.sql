-- What the user reads and follows (seed 001 LibraryItem, FeedSource, FeedItem).

-- Saved library items: a link kept to read, watch or come back to, with notes and tags.
CREATE TABLE library_items (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    item_type   varchar(20)   NOT NULL
        CHECK (item_type IN ('article', 'video', 'podcast', 'book', 'paper', 'tool', 'other')),
    title       varchar(500)  NOT NULL,
    url         varchar(2048),
    notes       text,
    tags        text[]        NOT NULL DEFAULT '{}',
    read_at     timestamptz,
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX idx_library_items_tags ON library_items USING gin (tags);
SELECT enable_tenant_rls('library_items');

-- RSS/Atom sources, fetched by content-service's scheduled job when next_attempt_at has come:
-- conditional GET with the stored etag / last_modified; a failure doubles the wait
-- (failure_count, next_attempt_at) up to a cap, a success resets it.
CREATE TABLE feed_sources (
    id               uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    title            varchar(500),
    url              varchar(2048) NOT NULL,
    etag             varchar(1024),
    last_modified    varchar(100),
    last_fetched_at  timestamptz,
    last_status      integer,
    last_error       varchar(1000),
    failure_count    integer       NOT NULL DEFAULT 0 CHECK (failure_count >= 0),
    next_attempt_at  timestamptz   NOT NULL DEFAULT now(),
    version          bigint        NOT NULL DEFAULT 0,
    created_by       uuid          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, url)
);
CREATE INDEX idx_feed_sources_next_attempt ON feed_sources (next_attempt_at);
SELECT enable_tenant_rls('feed_sources');

-- One row per entry of a source; dedupe_key is the entry's guid, else its link, so a refetch of the
-- same entry never adds a row.
CREATE TABLE feed_items (
    id            uuid          PRIMARY KEY,
    tenant_id     uuid          NOT NULL,
    source_id     uuid          NOT NULL,
    dedupe_key    varchar(2048) NOT NULL,
    guid          varchar(2048),
    link          varchar(2048),
    title         varchar(1000),
    summary       text,
    author        varchar(500),
    published_at  timestamptz   NOT NULL,
    read_at       timestamptz,
    fetched_at    timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, source_id, dedupe_key),
    FOREIGN KEY (tenant_id, source_id) REFERENCES feed_sources (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_feed_items_published ON feed_items (tenant_id, published_at DESC, id DESC);
CREATE INDEX idx_feed_items_unread ON feed_items (tenant_id, source_id) WHERE read_at IS NULL;
SELECT enable_tenant_rls('feed_items');

-- The fetch job spans circles, but row-level security is forced and the runtime role sees nothing
-- without a circle. It asks this SECURITY DEFINER function (run as the table owner) which sources
-- are due, and then works on each one inside that source's circle. The owner's extra policy reaches
-- only rows whose next attempt has come, and the function returns ids, never content.
CREATE POLICY feed_sources_due ON feed_sources FOR SELECT TO CURRENT_USER USING (next_attempt_at <= now());

CREATE FUNCTION due_feed_sources(max_sources integer)
    RETURNS TABLE (tenant_id uuid, source_id uuid, created_by uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT s.tenant_id, s.id, s.created_by FROM feed_sources s
    WHERE s.next_attempt_at <= now() ORDER BY s.next_attempt_at, s.id LIMIT least(max_sources, 500)
$$;
REVOKE ALL ON FUNCTION due_feed_sources(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_feed_sources(integer) TO ${app_role};
