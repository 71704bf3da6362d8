-- The content calendar (seed 000 content_calendar): what a creator plans to publish, where and when.
-- status moves idea -> planned -> created -> scheduled -> published (the service refuses other moves).
-- The scheduled moment is a local date and optional time in the IANA zone it was planned in (the
-- user's zone from their token unless the entry names one), so 18:00 stays 18:00 across DST.
-- domain_id names a planning-service domain by id (no foreign key across services).

CREATE TABLE content_calendar (
    id             uuid         PRIMARY KEY,
    tenant_id      uuid         NOT NULL,
    domain_id      uuid,
    title          varchar(255) NOT NULL,
    content_type   varchar(20)  NOT NULL
        CHECK (content_type IN ('photo_set', 'video', 'story', 'post')),
    scheduled_date date,
    scheduled_time time,
    time_zone      varchar(64)  NOT NULL DEFAULT 'UTC',
    platform       varchar(30)
        CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'x', 'linkedin', 'onlyfans', 'patreon', 'blog',
                            'newsletter', 'other')),
    status         varchar(20)  NOT NULL DEFAULT 'idea'
        CHECK (status IN ('idea', 'planned', 'created', 'scheduled', 'published')),
    notes          text,
    version        bigint       NOT NULL DEFAULT 0,
    created_by     uuid         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (scheduled_time IS NULL OR scheduled_date IS NOT NULL)
);
CREATE INDEX idx_content_calendar_domain_id ON content_calendar (tenant_id, domain_id);
CREATE INDEX idx_content_calendar_scheduled_date ON content_calendar (tenant_id, scheduled_date, id);
CREATE INDEX idx_content_calendar_status ON content_calendar (tenant_id, status);
CREATE INDEX idx_content_calendar_platform ON content_calendar (tenant_id, platform);
SELECT enable_tenant_rls('content_calendar');
