-- LifeOS platform: erasure of a circle's rows for account deletion (identity.erasure, handled by
-- the platform's ErasureHandler in services that set lifeos.privacy.erasure.enabled=true).
--
-- Repeatable (R__): Flyway (re)applies it after the service's versioned migrations whenever it
-- changes, so it also reaches databases that are already migrated past V0_1 (a new V0_x would be
-- out of order there and fail validation). Everything below is CREATE OR REPLACE / idempotent.
--
-- SECURITY DEFINER: the functions run as the migration role, which owns the tables, so tables the
-- runtime role may not delete from (append-only: REVOKE DELETE) are erased too. Row-level security
-- is forced on every tenant table, so even the owner only ever reaches the current circle's rows
-- (and each statement names the circle as well). Without a current circle they refuse to run.
-- The platform's outbox_events and processed_events are never touched: the completion event is
-- written to the outbox in the same transaction, and events not yet sent must still go out.
-- Executable only by the runtime role (${app_role}); in a service that does not enable the
-- handler nothing calls them.

-- Deletes the current circle's rows from `tables` (only rows of `member` when it is not null,
-- through the table's user_id column), children before parents, so that no foreign key between
-- them is broken whatever order the caller gives. Returns the number of rows deleted.
CREATE OR REPLACE FUNCTION erasure_delete_rows(tables regclass[], member uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    circle  uuid := current_tenant_id();
    pending regclass[] := tables;
    ready   regclass[];
    target  regclass;
    n       bigint;
    erased  bigint := 0;
BEGIN
    IF circle IS NULL THEN
        RAISE EXCEPTION 'erasure: no current circle (app.tenant_id is not set)';
    END IF;
    WHILE cardinality(pending) > 0 LOOP
        -- Tables no other pending table references: deleting from them cannot break a foreign key.
        ready := ARRAY(SELECT p FROM unnest(pending) p WHERE NOT EXISTS (
                    SELECT 1 FROM pg_constraint c
                    WHERE c.contype = 'f' AND c.confrelid = p AND c.conrelid <> p AND c.conrelid = ANY (pending)));
        IF cardinality(ready) = 0 THEN
            RAISE EXCEPTION 'erasure: foreign keys form a cycle among %', pending;
        END IF;
        FOREACH target IN ARRAY ready LOOP
            IF member IS NULL THEN
                EXECUTE format('DELETE FROM %s WHERE tenant_id = $1', target) USING circle;
            ELSE
                EXECUTE format('DELETE FROM %s WHERE tenant_id = $1 AND user_id = $2', target) USING circle, member;
            END IF;
            GET DIAGNOSTICS n = ROW_COUNT;
            erased := erased + n;
        END LOOP;
        pending := ARRAY(SELECT p FROM unnest(pending) p WHERE p <> ALL (ready));
    END LOOP;
    RETURN erased;
END
$$;

-- The tenant tables of this schema (a tenant_id column; partitions are reached through their
-- parent), without the platform's outbox and processed events, and with `column_name` too when given.
CREATE OR REPLACE FUNCTION erasure_tenant_tables(column_name text) RETURNS regclass[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT coalesce(array_agg(c.oid::regclass ORDER BY c.relname), '{}')
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace
      AND c.relkind IN ('r', 'p')
      AND NOT c.relispartition
      AND c.relname NOT IN ('outbox_events', 'processed_events')
      AND EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
      AND (column_name IS NULL OR EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = column_name AND NOT a.attisdropped))
$$;

-- Scope "circle": the circle ends, so every row of it goes. Returns the number of rows deleted.
CREATE OR REPLACE FUNCTION erase_current_tenant() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
BEGIN
    RETURN erasure_delete_rows(erasure_tenant_tables(NULL), NULL);
END
$$;

-- Scope "member": the circle lives on; the member's own rows in it go: every row of the current
-- circle whose user_id is the member, in every tenant table with a user_id column except `shared`
-- (tables whose user_id rows are the circle's shared work, named by the service). Only the
-- transaction's own user (the deleted account the erasure event is about) can be erased.
CREATE OR REPLACE FUNCTION erase_member_rows(member uuid, shared text[] DEFAULT '{}') RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
BEGIN
    IF member IS NULL OR member IS DISTINCT FROM current_app_user_id() THEN
        RAISE EXCEPTION 'erase_member_rows: only the transaction''s own user can be erased';
    END IF;
    RETURN erasure_delete_rows(ARRAY(SELECT t FROM unnest(erasure_tenant_tables('user_id')) t
                                     WHERE t::text <> ALL (coalesce(shared, '{}'))), member);
END
$$;

REVOKE ALL ON FUNCTION erasure_delete_rows(regclass[], uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION erasure_tenant_tables(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION erase_current_tenant() FROM PUBLIC;
REVOKE ALL ON FUNCTION erase_member_rows(uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_current_tenant() TO ${app_role};
GRANT EXECUTE ON FUNCTION erase_member_rows(uuid, text[]) TO ${app_role};
