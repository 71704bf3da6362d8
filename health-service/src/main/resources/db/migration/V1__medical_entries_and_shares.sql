-- Medical entries (seed 000) and the shares that let an owner show some of them to named members
-- of the circle. Health rows are private to their owner even inside a shared circle: every table
-- has tenant_id AND owner_id, and the row-level security policy is tenant AND owner.
--
-- Sharing adds one permissive SELECT policy on medical_entries (through health_shares), so the
-- owner policy (FOR ALL: read and write) stays as it is: a grantee reads exactly the shared rows
-- and can never change them.
-- details are sealed with the owner's private PHI key (only the owner can open them). While an
-- entry is shared, shared_details_encrypted holds a second copy sealed with the circle's PHI key,
-- which a grantee can open; it is written on share and cleared on unshare (see ShareService).

-- Circle erasure (platform erase_current_tenant) deletes "WHERE tenant_id = circle" as this
-- migration role, but the owner policy would only let it reach the erasing member's own rows:
-- every private table also gets policies for this role alone (never the runtime role) that let
-- it see and delete the whole current circle (a DELETE with a WHERE needs the SELECT policy too).
-- One line per private table after enable_tenant_rls.
CREATE FUNCTION allow_circle_erasure(target regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('DROP POLICY IF EXISTS circle_erasure ON %s', target);
    EXECUTE format('CREATE POLICY circle_erasure ON %s FOR DELETE TO %I USING (tenant_id = current_tenant_id())',
                   target, current_user);
    EXECUTE format('DROP POLICY IF EXISTS circle_erasure_read ON %s', target);
    EXECUTE format('CREATE POLICY circle_erasure_read ON %s FOR SELECT TO %I USING (tenant_id = current_tenant_id())',
                   target, current_user);
END
$$;
REVOKE ALL ON FUNCTION allow_circle_erasure(regclass) FROM PUBLIC;

CREATE TABLE medical_entries (
    id                       uuid         PRIMARY KEY,
    tenant_id                uuid         NOT NULL,
    owner_id                 uuid         NOT NULL,
    date                     date         NOT NULL,
    type                     varchar(20)  NOT NULL
        CHECK (type IN ('hrt_dose', 'appointment', 'lab_result', 'prescription', 'note')),
    title                    varchar(255) NOT NULL,
    details_encrypted        bytea,
    shared_details_encrypted bytea,
    provider                 varchar(255),
    next_date                date,
    version                  bigint       NOT NULL DEFAULT 0,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, owner_id, id)
);
CREATE INDEX idx_medical_entries_owner_date ON medical_entries (tenant_id, owner_id, date DESC, id DESC);
CREATE INDEX idx_medical_entries_type ON medical_entries (tenant_id, owner_id, type);
CREATE INDEX idx_medical_entries_next_date ON medical_entries (tenant_id, next_date) WHERE next_date IS NOT NULL;
SELECT enable_tenant_rls('medical_entries', 'owner_id');
SELECT allow_circle_erasure('medical_entries');

-- One share: the owner's entry (entry_id) or a whole category of the owner's entries (entry_type),
-- to one member (grantee_id) of the same circle.
CREATE TABLE health_shares (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    owner_id    uuid        NOT NULL,
    grantee_id  uuid        NOT NULL,
    entry_id    uuid,
    entry_type  varchar(20)
        CHECK (entry_type IN ('hrt_dose', 'appointment', 'lab_result', 'prescription', 'note')),
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((entry_id IS NULL) <> (entry_type IS NULL)),
    CHECK (grantee_id <> owner_id),
    FOREIGN KEY (tenant_id, owner_id, entry_id) REFERENCES medical_entries (tenant_id, owner_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uq_health_shares_entry ON health_shares (tenant_id, owner_id, grantee_id, entry_id)
    WHERE entry_id IS NOT NULL;
CREATE UNIQUE INDEX uq_health_shares_type ON health_shares (tenant_id, owner_id, grantee_id, entry_type)
    WHERE entry_type IS NOT NULL;
CREATE INDEX idx_health_shares_grantee ON health_shares (tenant_id, grantee_id, owner_id);
SELECT enable_tenant_rls('health_shares', 'owner_id');
SELECT allow_circle_erasure('health_shares');
-- The grantee sees the shares made to them, and may give one up; never create or change one.
CREATE POLICY health_shares_grantee_read ON health_shares FOR SELECT
    USING (tenant_id = current_tenant_id() AND grantee_id = current_app_user_id());
CREATE POLICY health_shares_grantee_leave ON health_shares FOR DELETE
    USING (tenant_id = current_tenant_id() AND grantee_id = current_app_user_id());

-- The second, read-only way to a medical entry: a share of it, or of its category, to the caller.
CREATE POLICY medical_entries_shared_read ON medical_entries FOR SELECT
    USING (tenant_id = current_tenant_id() AND EXISTS (
        SELECT 1 FROM health_shares s
        WHERE s.tenant_id = medical_entries.tenant_id
          AND s.owner_id = medical_entries.owner_id
          AND s.grantee_id = current_app_user_id()
          AND (s.entry_id = medical_entries.id OR s.entry_type = medical_entries.type)));

-- Member erasure (platform erase_member_rows) deletes by a user_id column; health rows name their
-- member in owner_id, so this service's part deletes them: every share the member made or was
-- given, then the member's rows of every table with an owner_id column. Runs as this role, with
-- the member as the transaction's user (the owner policy lets it reach exactly their rows).
CREATE FUNCTION erasure_service_rows(scope text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    circle uuid := current_tenant_id();
    member uuid := current_app_user_id();
    target regclass;
    n      bigint;
    erased bigint := 0;
BEGIN
    IF scope <> 'member' THEN
        RETURN 0;
    END IF;
    IF circle IS NULL OR member IS NULL THEN
        RAISE EXCEPTION 'erasure_service_rows: no current circle or member';
    END IF;
    DELETE FROM health_shares WHERE tenant_id = circle AND (owner_id = member OR grantee_id = member);
    GET DIAGNOSTICS n = ROW_COUNT;
    erased := erased + n;
    FOR target IN
        SELECT c.oid::regclass FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN ('data_keys', 'reencryption_jobs', 'health_shares')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'owner_id' AND NOT a.attisdropped)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        ORDER BY c.relname
    LOOP
        EXECUTE format('DELETE FROM %s WHERE tenant_id = $1 AND owner_id = $2', target) USING circle, member;
        GET DIAGNOSTICS n = ROW_COUNT;
        erased := erased + n;
    END LOOP;
    RETURN erased;
END
$$;
REVOKE ALL ON FUNCTION erasure_service_rows(text) FROM PUBLIC;
