-- Content items (seed 004 content_items, seed 001 SocialPost): a published piece on one platform,
-- optionally the result of a calendar entry of the same circle, linked to planning tasks by id
-- (task_ids: ids in planning-service, no foreign key across services).
CREATE TABLE content_items (
    id                uuid          PRIMARY KEY,
    tenant_id         uuid          NOT NULL,
    calendar_entry_id uuid,
    platform          varchar(30)   NOT NULL
        CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'x', 'linkedin', 'onlyfans', 'patreon', 'blog',
                            'newsletter', 'other')),
    content_type      varchar(20)   NOT NULL
        CHECK (content_type IN ('post', 'photo_set', 'video', 'story', 'reel', 'short', 'live', 'article',
                                'issue', 'other')),
    title             varchar(500)  NOT NULL,
    url               varchar(2048),
    external_id       varchar(255),
    published_date    date,
    task_ids          uuid[]        NOT NULL DEFAULT '{}',
    version           bigint        NOT NULL DEFAULT 0,
    created_by        uuid          NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, calendar_entry_id) REFERENCES content_calendar (tenant_id, id)
        ON DELETE SET NULL (calendar_entry_id)
);
CREATE INDEX idx_content_items_platform ON content_items (tenant_id, platform);
CREATE INDEX idx_content_items_published_date ON content_items (tenant_id, published_date, id);
CREATE INDEX idx_content_items_calendar_entry_id ON content_items (tenant_id, calendar_entry_id);
CREATE UNIQUE INDEX idx_content_items_external_id ON content_items (tenant_id, platform, external_id)
    WHERE external_id IS NOT NULL;
SELECT enable_tenant_rls('content_items');

-- One row per item per day (seed 004 content_metrics), upserted by PUT .../metrics/{date}. Money is
-- numeric(19,4) with its ISO 4217 currency; swipe_rate is a percentage.
CREATE TABLE content_metrics (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL,
    item_id            uuid          NOT NULL,
    metric_date        date          NOT NULL,
    views              bigint        NOT NULL DEFAULT 0 CHECK (views >= 0),
    likes              bigint        NOT NULL DEFAULT 0 CHECK (likes >= 0),
    shares             bigint        NOT NULL DEFAULT 0 CHECK (shares >= 0),
    comments           bigint        NOT NULL DEFAULT 0 CHECK (comments >= 0),
    saves              bigint        NOT NULL DEFAULT 0 CHECK (saves >= 0),
    subscribers_gained integer       NOT NULL DEFAULT 0,
    revenue            numeric(19,4) CHECK (revenue >= 0),
    currency           char(3),
    swipe_rate         numeric(7,4)  CHECK (swipe_rate BETWEEN 0 AND 100),
    version            bigint        NOT NULL DEFAULT 0,
    created_by         uuid          NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, item_id, metric_date),
    CHECK ((revenue IS NULL) = (currency IS NULL)),
    FOREIGN KEY (tenant_id, item_id) REFERENCES content_items (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_content_metrics_date ON content_metrics (tenant_id, metric_date);
SELECT enable_tenant_rls('content_metrics');

-- Per platform per ISO week (seed 004 platform_metrics, one row with named columns instead of
-- name/value pairs): what the platform's own dashboard says about the account that week.
CREATE TABLE platform_metrics (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    platform    varchar(30)   NOT NULL
        CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'x', 'linkedin', 'onlyfans', 'patreon', 'blog',
                            'newsletter', 'other')),
    week_key    varchar(8)    NOT NULL CHECK (week_key ~ '^[0-9]{4}-W[0-9]{2}$'),
    followers   bigint        CHECK (followers >= 0),
    reach       bigint        CHECK (reach >= 0),
    impressions bigint        CHECK (impressions >= 0),
    revenue     numeric(19,4) CHECK (revenue >= 0),
    currency    char(3),
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, platform, week_key),
    CHECK ((revenue IS NULL) = (currency IS NULL))
);
SELECT enable_tenant_rls('platform_metrics');
