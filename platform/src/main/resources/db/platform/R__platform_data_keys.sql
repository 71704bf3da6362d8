-- LifeOS platform: data keys for encryption at rest (org.lifeos.platform.crypto).
--
-- A data key (DEK) per circle and data class (pii, phi, financial, secret), or per circle, owner
-- and data class for a member's private data (health), with a version. Only ever stored wrapped
-- (encrypted) by the master key: the database never sees a key it could use. master_key_id names
-- the master key that wrapped it, so a rotation knows what is left to re-wrap and a start with the
-- wrong master key is refused.
--
-- Repeatable (R__) like the other platform files: it must reach databases already migrated past
-- V0_1, so everything is idempotent.
CREATE TABLE IF NOT EXISTS data_keys (
    tenant_id     uuid        NOT NULL,
    owner_id      uuid,
    data_class    varchar(20) NOT NULL CHECK (data_class IN ('pii', 'phi', 'financial', 'secret')),
    version       integer     NOT NULL CHECK (version > 0),
    master_key_id varchar(200),
    wrapped       bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    rewrapped_at  timestamptz,
    -- A retired version (its data moved to a newer one) keeps its row, without the key.
    retired_at    timestamptz,
    CONSTRAINT data_keys_scope UNIQUE NULLS NOT DISTINCT (tenant_id, owner_id, data_class, version),
    CONSTRAINT data_keys_wrapped CHECK ((retired_at IS NULL) = (wrapped IS NOT NULL AND master_key_id IS NOT NULL))
);

-- A circle's keys are the circle's; a member's private keys are theirs alone.
ALTER TABLE data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_keys FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON data_keys;
CREATE POLICY tenant_isolation ON data_keys
    USING (tenant_id = current_tenant_id() AND (owner_id IS NULL OR owner_id = current_app_user_id()))
    WITH CHECK (tenant_id = current_tenant_id() AND (owner_id IS NULL OR owner_id = current_app_user_id()));
-- The owner's functions below: shredding reaches every key of the current circle (every owner's),
-- the inventory reads key metadata (never `wrapped`) across circles.
DROP POLICY IF EXISTS data_keys_shred ON data_keys;
CREATE POLICY data_keys_shred ON data_keys FOR DELETE TO CURRENT_USER USING (tenant_id = current_tenant_id());
DROP POLICY IF EXISTS data_keys_inventory ON data_keys;
CREATE POLICY data_keys_inventory ON data_keys FOR SELECT TO CURRENT_USER USING (true);

-- The runtime role creates keys on first use and re-wraps or retires them; it never deletes one
-- (only erasure does, as the eraser role) and never rewrites which circle, class or version a key is.
REVOKE ALL ON data_keys FROM ${app_role};
GRANT SELECT, INSERT ON data_keys TO ${app_role};
GRANT UPDATE (master_key_id, wrapped, rewrapped_at, retired_at) ON data_keys TO ${app_role};

-- Re-encryption of a circle's data to a new data key version: one row per job, its progress
-- committed with every batch, so a job that stops (a restart, a crash) goes on where it was.
CREATE TABLE IF NOT EXISTS reencryption_jobs (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    owner_id       uuid,
    data_class     varchar(20) NOT NULL,
    target_version integer     NOT NULL,
    entity         varchar(200),
    last_id        uuid,
    rows_moved     bigint      NOT NULL DEFAULT 0,
    started_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS reencryption_jobs_running
    ON reencryption_jobs (tenant_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), data_class)
    WHERE finished_at IS NULL;
ALTER TABLE reencryption_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE reencryption_jobs FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON reencryption_jobs;
CREATE POLICY tenant_isolation ON reencryption_jobs
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
DROP POLICY IF EXISTS reencryption_inventory ON reencryption_jobs;
CREATE POLICY reencryption_inventory ON reencryption_jobs FOR SELECT TO CURRENT_USER USING (true);
REVOKE ALL ON reencryption_jobs FROM ${app_role};
GRANT SELECT, INSERT, UPDATE ON reencryption_jobs TO ${app_role};

-- How many live data keys each master key wraps, across circles (no key material): checked at
-- start, so a service given the wrong master key refuses to start instead of failing per read.
CREATE OR REPLACE FUNCTION data_keys_by_master_key() RETURNS TABLE (master_key_id text, data_keys bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT k.master_key_id::text, count(*) FROM data_keys k WHERE k.retired_at IS NULL GROUP BY k.master_key_id
$$;

-- Up to `n` live data keys wrapped by another master key than `current_master`, by scope (no key
-- material): what a master key rotation has left to re-wrap.
CREATE OR REPLACE FUNCTION data_keys_to_rewrap(current_master text, n integer)
    RETURNS TABLE (tenant_id uuid, owner_id uuid, data_class text, version integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT k.tenant_id, k.owner_id, k.data_class::text, k.version FROM data_keys k
    WHERE k.retired_at IS NULL AND k.master_key_id <> current_master
    ORDER BY k.tenant_id, k.owner_id, k.data_class, k.version
    LIMIT n
$$;

-- Unfinished re-encryption jobs of every circle (ids and scopes only), for the worker that resumes them.
DROP FUNCTION IF EXISTS reencryption_jobs_unfinished(integer);
CREATE FUNCTION reencryption_jobs_unfinished(n integer)
    RETURNS TABLE (id uuid, tenant_id uuid, owner_id uuid, data_class text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT j.id, j.tenant_id, j.owner_id, j.data_class::text FROM reencryption_jobs j WHERE j.finished_at IS NULL
    ORDER BY j.started_at LIMIT n
$$;

-- Crypto-shredding, the first step of erasure: destroys the current circle's data keys (scope
-- circle: every key of the circle; scope member: the member's private keys in it), so every
-- ciphertext they sealed is unreadable at once, before any row is deleted. Returns how many.
CREATE OR REPLACE FUNCTION erasure_shred_keys(member uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    circle uuid := current_tenant_id();
    n      bigint;
BEGIN
    IF circle IS NULL THEN
        RAISE EXCEPTION 'erasure: no current circle (app.tenant_id is not set)';
    END IF;
    IF member IS NULL THEN
        DELETE FROM data_keys WHERE tenant_id = circle;
    ELSE
        IF member IS DISTINCT FROM current_app_user_id() THEN
            RAISE EXCEPTION 'erasure_shred_keys: only the transaction''s own user can be erased';
        END IF;
        DELETE FROM data_keys WHERE tenant_id = circle AND owner_id = member;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

REVOKE ALL ON FUNCTION data_keys_by_master_key() FROM PUBLIC;
REVOKE ALL ON FUNCTION data_keys_to_rewrap(text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION reencryption_jobs_unfinished(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION erasure_shred_keys(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION data_keys_by_master_key() TO ${app_role};
GRANT EXECUTE ON FUNCTION data_keys_to_rewrap(text, integer) TO ${app_role};
GRANT EXECUTE ON FUNCTION reencryption_jobs_unfinished(integer) TO ${app_role};
GRANT EXECUTE ON FUNCTION erasure_shred_keys(uuid) TO ${eraser_role};
