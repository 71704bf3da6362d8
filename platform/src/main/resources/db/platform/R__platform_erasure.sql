-- LifeOS platform: erasure of a circle's rows for account deletion (identity.erasure, handled by
-- the platform's ErasureHandler in services that set lifeos.privacy.erasure.enabled=true).
--
-- Repeatable (R__): Flyway (re)applies it after the service's versioned migrations whenever it
-- changes, so it also reaches databases that are already migrated past V0_1 (a new V0_x would be
-- out of order there and fail validation). Everything below is CREATE OR REPLACE / idempotent.
--
-- Who may erase: only the eraser role (${eraser_role}), which only the erasure consumer connects
-- as (its own datasource, "eraser"). The runtime role (${app_role}) cannot execute these
-- functions: a compromised runtime role can set any circle as current, so an erase function in
-- its reach would be a "delete any circle" button. The eraser role owns nothing, has no table
-- privileges and no BYPASSRLS: it can only call what is granted below.
--
-- SECURITY DEFINER: the functions run as the migration role, which owns the tables. Row-level
-- security is forced on every tenant table, so even the owner only ever reaches the current
-- circle's rows (and each statement names the circle as well). Without a current circle they
-- refuse to run.
--
-- What is never erased:
--  * append-only tables: every tenant table the runtime role may not DELETE from (audit_logs,
--    circle_events, permission_logs, ...). The rule follows the grants, so a migration that makes a
--    table append-only (REVOKE DELETE) protects it from erasure in the same line. Such records
--    are kept for legal obligations; a service minimises the personal data in them in its own
--    erasure_service_rows (below), never deletes them;
--  * tables an append-only table references (through foreign keys, transitively): the kept
--    records must still point at something (identity's circles, referenced by its audit log);
--  * the platform's outbox_events and processed_events: the completion event is written to the
--    outbox in the same transaction, and events not yet sent must still go out.
-- data_keys are not deleted as rows of a table but shredded first (erasure_shred_keys, in
-- R__platform_data_keys.sql): the circle's keys (scope circle) or the member's private keys
-- (scope member) go before any row, so every ciphertext of them is unreadable at once.
-- Each service may define erasure_service_rows(scope text) RETURNS bigint in its own migrations
-- (owned by the migration role, executable by nobody else): it runs after the generic rule, with
-- the same circle and user, for what needs the owner's power (minimising append-only records).

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

-- The tables erasure keeps: the append-only ones (the runtime role may not DELETE from them),
-- and, transitively, every table one of them references. Partitions are reached through their
-- parent, whose grants count.
CREATE OR REPLACE FUNCTION erasure_kept_tables() RETURNS regclass[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    kept  regclass[];
    grown regclass[];
BEGIN
    kept := ARRAY(SELECT c.oid::regclass FROM pg_class c
                  WHERE c.relnamespace = current_schema()::regnamespace
                    AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                    AND c.relname NOT IN ('outbox_events', 'processed_events', 'data_keys', 'reencryption_jobs')
                    AND NOT has_table_privilege('${app_role}', c.oid, 'DELETE'));
    LOOP
        grown := ARRAY(SELECT DISTINCT r FROM (
                    SELECT unnest(kept) AS r
                    UNION
                    SELECT f.confrelid::regclass FROM pg_constraint f
                    WHERE f.contype = 'f' AND f.conrelid = ANY (kept)) x);
        EXIT WHEN cardinality(grown) = cardinality(kept);
        kept := grown;
    END LOOP;
    RETURN kept;
END
$$;

-- The erasable tenant tables of this schema (a tenant_id column; partitions are reached through
-- their parent), without the kept ones, and with `column_name` too when given.
CREATE OR REPLACE FUNCTION erasure_tenant_tables(column_name text) RETURNS regclass[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT coalesce(array_agg(c.oid::regclass ORDER BY c.relname), '{}')
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace
      AND c.relkind IN ('r', 'p')
      AND NOT c.relispartition
      AND c.relname NOT IN ('outbox_events', 'processed_events', 'data_keys')
      AND c.oid::regclass <> ALL (erasure_kept_tables())
      AND EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
      AND (column_name IS NULL OR EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = column_name AND NOT a.attisdropped))
$$;

-- The service's own part (erasure_service_rows(scope), when its migrations define one), run as
-- the owner with the same circle and user. Returns the rows it changed, 0 without one.
CREATE OR REPLACE FUNCTION erasure_service_part(scope text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    changed bigint := 0;
BEGIN
    IF to_regprocedure('erasure_service_rows(text)') IS NOT NULL THEN
        EXECUTE 'SELECT erasure_service_rows($1)' INTO changed USING scope;
    END IF;
    RETURN coalesce(changed, 0);
END
$$;

-- Scope "circle": the circle ends, so every erasable row of it goes. Returns the number of rows
-- deleted (or minimised by the service's own part).
CREATE OR REPLACE FUNCTION erase_current_tenant() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
BEGIN
    PERFORM erasure_shred_keys(NULL);
    RETURN erasure_delete_rows(erasure_tenant_tables(NULL), NULL) + erasure_service_part('circle');
END
$$;

-- Scope "member": the circle lives on; the member's own rows in it go: every row of the current
-- circle whose user_id is the member, in every erasable tenant table with a user_id column
-- except `shared` (tables whose user_id rows are the circle's shared work, named by the service).
-- Only the transaction's own user (the deleted account the erasure event is about) can be erased.
CREATE OR REPLACE FUNCTION erase_member_rows(member uuid, shared text[] DEFAULT '{}') RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
BEGIN
    IF member IS NULL OR member IS DISTINCT FROM current_app_user_id() THEN
        RAISE EXCEPTION 'erase_member_rows: only the transaction''s own user can be erased';
    END IF;
    PERFORM erasure_shred_keys(member);
    RETURN erasure_delete_rows(ARRAY(SELECT t FROM unnest(erasure_tenant_tables('user_id')) t
                                     WHERE t::text <> ALL (coalesce(shared, '{}'))), member)
           + erasure_service_part('member');
END
$$;

REVOKE ALL ON FUNCTION erasure_delete_rows(regclass[], uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION erasure_kept_tables() FROM PUBLIC;
REVOKE ALL ON FUNCTION erasure_tenant_tables(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION erasure_service_part(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION erase_current_tenant() FROM PUBLIC;
REVOKE ALL ON FUNCTION erase_member_rows(uuid, text[]) FROM PUBLIC;
-- Earlier versions of this file granted them to the runtime role: taken back explicitly.
REVOKE ALL ON FUNCTION erase_current_tenant() FROM ${app_role};
REVOKE ALL ON FUNCTION erase_member_rows(uuid, text[]) FROM ${app_role};
GRANT EXECUTE ON FUNCTION erase_current_tenant() TO ${eraser_role};
GRANT EXECUTE ON FUNCTION erase_member_rows(uuid, text[]) TO ${eraser_role};
