-- Append-only records stay out of the runtime role's reach, also through erasure, and an audit
-- chain can no longer be shortened unnoticed.
--
-- 1. Erasure runs as the eraser role (${eraser_role}) only, in the erasure consumer (platform
--    ErasureHandler, R__platform_erasure.sql). erase_account_rows (V9) was the runtime role's:
--    it could wipe any user's security ledger by setting app.user_id. It goes; the account's
--    part of an erasure is now in erasure_service_rows below, which only the
--    platform's erase functions (the eraser role's) call. The tombstone itself (users row) is
--    written by the deletion request, as the runtime role, as before.
-- 2. Audit rows are hashed so that their personal fields can be removed without breaking the
--    chain (hash_version 2): the row hash covers a digest of (salt, actor_id, entity_id,
--    details), not the fields themselves. Minimising a row replaces the ids by pseudonyms,
--    clears details and the salt, and stamps redacted_at; the chain and every non-personal field
--    still verify. Rows written before (hash_version 1) keep their hash; minimised, they can only
--    be checked for their place in the chain.
-- 3. audit_chain_heads anchors every chain outside itself: each append also inserts the chain's
--    new head (seq, hash), in the same transaction; the runtime role may only insert and read
--    heads. Verification compares the chain with its latest head, so deleting the newest rows,
--    or all of them, shows.

REVOKE ALL ON FUNCTION erase_account_rows(uuid) FROM ${app_role};
DROP FUNCTION erase_account_rows(uuid);

-- 2. Hash version 2.
ALTER TABLE audit_logs
    ADD COLUMN hash_version    smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2)),
    ADD COLUMN personal_salt   text,
    ADD COLUMN personal_digest char(64),
    ADD COLUMN redacted_at     timestamptz,
    ADD CONSTRAINT audit_logs_v2_digest CHECK (hash_version = 1 OR personal_digest IS NOT NULL),
    ADD CONSTRAINT audit_logs_v2_salt CHECK (hash_version = 1 OR redacted_at IS NOT NULL OR personal_salt IS NOT NULL);
ALTER TABLE audit_logs ALTER COLUMN hash_version SET DEFAULT 2;

-- The personal fields of a row, salted (random per row, so a digest confirms no guessed actor
-- once the salt is gone), in the same canonical form as audit_row_hash (V3).
CREATE FUNCTION audit_personal_digest(salt text, actor_id uuid, entity_id text, details jsonb)
    RETURNS char(64) LANGUAGE sql IMMUTABLE AS
$$
SELECT encode(sha256(convert_to(concat_ws(chr(31),
        salt, coalesce(actor_id::text, '-'), coalesce(entity_id, '-'), details::text), 'UTF8')), 'hex')
$$;

-- Version 2 of a row's hash: every non-personal field as in version 1, the personal ones through
-- their digest.
CREATE FUNCTION audit_row_hash_v2(prev_hash text, seq bigint, id uuid, tenant_id uuid, created_at timestamptz,
                                  occurred_at timestamptz, source text, action text, entity_type text,
                                  event_id uuid, personal_digest text)
    RETURNS char(64) LANGUAGE sql IMMUTABLE AS
$$
SELECT encode(sha256(convert_to(concat_ws(chr(31),
        'v2', prev_hash, seq::text, id::text, tenant_id::text,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        source, action, entity_type, coalesce(event_id::text, '-'), personal_digest), 'UTF8')), 'hex')
$$;

-- 3. The heads. One row per append (never updated): the latest is the chain's head.
CREATE TABLE audit_chain_heads (
    tenant_id   uuid        NOT NULL REFERENCES circles (id),
    seq         bigint      NOT NULL CHECK (seq > 0),
    hash        char(64)    NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, seq)
);
-- Chains written before this migration get their head now. Row-level security is forced, on the
-- owner too; lifted for this one statement, inside the migration's transaction.
ALTER TABLE audit_logs NO FORCE ROW LEVEL SECURITY;
INSERT INTO audit_chain_heads (tenant_id, seq, hash)
SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM audit_logs ORDER BY tenant_id, seq DESC;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
SELECT enable_tenant_rls('audit_chain_heads');
-- Insert-only for the runtime role: a head, once written, is neither moved nor removed by it.
REVOKE ALL ON audit_chain_heads FROM ${app_role};
GRANT SELECT, INSERT ON audit_chain_heads TO ${app_role};

-- Minimises the current circle's audit rows (member NULL: every row, the circle is erased; else
-- the rows that name the member: as actor, as entity or in the details): the real user ids become
-- pseudonyms (random, the same for one person within one call, so the log still tells "the same
-- person did these"), details are cleared and the salt goes. Idempotent: a second call finds no
-- real id left. Returns the rows changed.
CREATE FUNCTION audit_minimise(member uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    circle uuid := current_tenant_id();
    reals  uuid[];
    fakes  uuid[];
    n      bigint;
BEGIN
    IF circle IS NULL THEN
        RAISE EXCEPTION 'audit_minimise: no current circle';
    END IF;
    IF member IS NULL THEN
        reals := ARRAY(SELECT a.actor_id FROM audit_logs a WHERE a.tenant_id = circle AND a.actor_id IS NOT NULL
                       UNION
                       SELECT u.id FROM audit_logs a JOIN users u ON u.id::text = a.entity_id
                       WHERE a.tenant_id = circle);
    ELSE
        reals := ARRAY[member];
    END IF;
    fakes := ARRAY(SELECT gen_random_uuid() FROM unnest(reals));
    UPDATE audit_logs a
    SET actor_id = coalesce(fakes[array_position(reals, a.actor_id)], a.actor_id),
        entity_id = coalesce(fakes[array_position(reals::text[], a.entity_id)]::text, a.entity_id),
        details = '{}'::jsonb,
        personal_salt = NULL,
        redacted_at = coalesce(a.redacted_at, now())
    WHERE a.tenant_id = circle
      AND (member IS NULL OR a.actor_id = member OR a.entity_id = member::text
           OR strpos(a.details::text, member::text) > 0)
      AND (a.actor_id = ANY (reals) OR a.entity_id = ANY (reals::text[]) OR a.details <> '{}'::jsonb
           OR a.personal_salt IS NOT NULL OR a.redacted_at IS NULL);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION audit_minimise(uuid) FROM PUBLIC;

-- identity-service's own part of an erasure (called by the platform's erase functions, as the
-- owner, with the request's circle and user; executable by no role directly). Only for a user
-- whose deletion has started (the tombstone), so even the eraser role cannot aim it at a live
-- account:
--  * the circle's audit rows are minimised (all of them for an erased circle, else those naming
--    the user); circle_events and permission_logs keep the bare user id, which the tombstone
--    leaves pointing at nothing personal;
--  * the account's own rows: sudo windows, recovery keys and the lockout mirror go (state and
--    credentials, no record of anything); the security ledger is kept, minimised: its details
--    (addresses, clients, devices) are cleared, type and time stay. Each circle's request repeats
--    this; the second time it finds nothing.
CREATE FUNCTION erasure_service_rows(scope text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    target        uuid := current_app_user_id();
    changed       bigint := 0;
    n             bigint;
    account_table text;
BEGIN
    IF target IS NULL OR NOT EXISTS (SELECT 1 FROM users WHERE id = target AND deleted_at IS NOT NULL) THEN
        RAISE EXCEPTION 'erasure_service_rows: % is not an account being deleted', target;
    END IF;
    changed := audit_minimise(CASE WHEN scope = 'circle' THEN NULL ELSE target END);
    FOREACH account_table IN ARRAY ARRAY['sudo_sessions', 'recovery_keys', 'user_account_security_state'] LOOP
        EXECUTE format('DELETE FROM %I WHERE user_id = $1', account_table) USING target;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    END LOOP;
    UPDATE security_events SET details = '{}'::jsonb WHERE user_id = target AND details <> '{}'::jsonb;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION erasure_service_rows(text) FROM PUBLIC;
