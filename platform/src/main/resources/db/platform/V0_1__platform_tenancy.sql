-- LifeOS platform: tenancy functions, transactional outbox, idempotent consumers, idempotency keys.
-- Shipped in the platform jar and applied to every service database before the service's own
-- migrations (db/migration, versions 1 and up). Runs as the migration role, which owns it all.

-- The circle (tenant) and the user of the current transaction, set by the application with
-- set_config(..., true) at the start of every transaction. Unset means no tenant: NULL, which
-- matches no row. (An unset custom setting reads as '' once a session has used it.)
CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION current_app_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- One line per tenant table in a migration: SELECT enable_tenant_rls('tasks');
-- Private tables (health) add the author: SELECT enable_tenant_rls('medical_entries', 'owner_id');
CREATE FUNCTION enable_tenant_rls(target regclass, owner_column text DEFAULT NULL) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    rule text := 'tenant_id = current_tenant_id()';
BEGIN
    IF owner_column IS NOT NULL THEN
        rule := rule || format(' AND %I = current_app_user_id()', owner_column);
    END IF;
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (%s) WITH CHECK (%s)', target, rule, rule);
END
$$;

-- Transactional outbox: written in the same transaction as the change, published by the relay.
CREATE TABLE outbox_events (
    id          uuid PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    seq         bigserial    NOT NULL,
    topic       varchar(200) NOT NULL,
    event_type  varchar(100) NOT NULL,
    actor_id    uuid,
    envelope    jsonb        NOT NULL,
    occurred_at timestamptz  NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts    integer      NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX outbox_events_unpublished ON outbox_events (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_events_tenant ON outbox_events (tenant_id, seq);
SELECT enable_tenant_rls('outbox_events');

-- The relay spans circles, so it runs as its own role with a policy of its own, on this table only.
CREATE POLICY outbox_relay ON outbox_events TO ${relay_role} USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE ON outbox_events TO ${relay_role};

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
CREATE TABLE processed_events (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key on POST: the first response is stored and replayed for 24 hours.
CREATE TABLE idempotency_keys (
    tenant_id      uuid         NOT NULL,
    user_id        uuid         NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    method         varchar(10)  NOT NULL,
    path           varchar(2000) NOT NULL,
    request_hash   varchar(64)  NOT NULL,
    status         integer,
    content_type   varchar(200),
    location       varchar(2000),
    etag           varchar(200),
    body           text,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    PRIMARY KEY (tenant_id, user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
SELECT enable_tenant_rls('idempotency_keys');
