-- Secret iCalendar feed URLs of the content calendar, one row per URL a user made. Only the SHA-256
-- of the secret is kept (the URL is shown once); revoking sets revoked_at and the URL answers 404
-- from then on. A feed belongs to the user who made it: only they list and revoke it.
CREATE TABLE calendar_feeds (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    owner_id     uuid         NOT NULL,
    name         varchar(100),
    secret_hash  bytea        NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    revoked_at   timestamptz,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_calendar_feeds_owner ON calendar_feeds (tenant_id, owner_id);
SELECT enable_tenant_rls('calendar_feeds');
