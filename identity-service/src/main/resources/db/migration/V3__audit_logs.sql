-- The audit log: critical actions of every service (from audit.events) and identity-service's own
-- (circle, member and policy changes). Partitioned by month on created_at; append-only for the
-- runtime role; each row hash-chained to the previous row of its circle:
--   hash = sha256(prev_hash || canonical content), prev_hash of a circle's first row = 64 zeros,
-- so altering, removing or reordering a row breaks the chain from that row on. Writers of one
-- circle are serialized with an advisory lock (see AuditLog.java).

CREATE TABLE audit_logs (
    id          uuid         NOT NULL,
    tenant_id   uuid         NOT NULL REFERENCES circles (id),
    seq         bigint       NOT NULL CHECK (seq > 0),
    created_at  timestamptz  NOT NULL,
    occurred_at timestamptz  NOT NULL,
    actor_id    uuid,
    source      varchar(64)  NOT NULL,
    action      varchar(64)  NOT NULL,
    entity_type varchar(64)  NOT NULL,
    entity_id   varchar(128),
    details     jsonb        NOT NULL DEFAULT '{}',
    event_id    uuid,
    prev_hash   char(64)     NOT NULL,
    hash        char(64)     NOT NULL,
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX audit_logs_chain ON audit_logs (tenant_id, seq);
SELECT enable_tenant_rls('audit_logs');

-- Append-only for the runtime role: it keeps INSERT and SELECT on the parent, nothing else.
REVOKE ALL ON audit_logs FROM ${app_role};
GRANT SELECT, INSERT ON audit_logs TO ${app_role};

-- The canonical content of a row and its hash. Every value is written out explicitly (UTC
-- timestamps to the microsecond, jsonb's own normalized text), fields separated by a unit
-- separator, so the same row always gives the same bytes whatever the session's settings.
CREATE FUNCTION audit_row_hash(prev_hash text, seq bigint, id uuid, tenant_id uuid, created_at timestamptz,
                               occurred_at timestamptz, actor_id uuid, source text, action text,
                               entity_type text, entity_id text, details jsonb, event_id uuid)
    RETURNS char(64) LANGUAGE sql IMMUTABLE AS
$$
SELECT encode(sha256(convert_to(concat_ws(chr(31),
        prev_hash, seq::text, id::text, tenant_id::text,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(actor_id::text, '-'), source, action, entity_type, coalesce(entity_id, '-'),
        details::text, coalesce(event_id::text, '-')), 'UTF8')), 'hex')
$$;

-- Monthly partitions, made ahead. Runs as the owner (the migration role), so the runtime role's
-- scheduled job can call it without owning anything; a new partition gets no privileges of its
-- own (the default privileges would grant the runtime role UPDATE and DELETE there), so rows are
-- reachable only through the parent, its grants and its row-level security. Each partition also
-- gets the parent's forced row-level security, for whoever reaches it directly.
CREATE FUNCTION audit_ensure_partitions(months_ahead int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    month       date;
    name        text;
    made        int  := 0;
BEGIN
    FOR i IN 0..months_ahead LOOP
        month := (first_month + make_interval(months => i))::date;
        name := 'audit_logs_' || to_char(month, 'YYYY_MM');
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF audit_logs FOR VALUES FROM (%L) TO (%L)', name,
                           (month::timestamp AT TIME ZONE 'UTC'),
                           ((month + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
            EXECUTE format('REVOKE ALL ON %I FROM PUBLIC, ${app_role}, ${relay_role}', name);
            -- Reached directly (by the owner), a partition is fenced like its parent.
            PERFORM enable_tenant_rls(name::regclass);
            made := made + 1;
        END IF;
    END LOOP;
    RETURN made;
END
$$;
REVOKE ALL ON FUNCTION audit_ensure_partitions(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_ensure_partitions(int) TO ${app_role};

SELECT audit_ensure_partitions(2);
