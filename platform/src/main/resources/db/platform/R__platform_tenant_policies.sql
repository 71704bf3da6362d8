-- LifeOS platform: row-level security policies read the circle and the user once per statement.
--
-- A policy written `tenant_id = current_tenant_id()` is inlined by PostgreSQL into
-- `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid` and, wherever the
-- comparison is a filter rather than an index condition (a list in id order walks the primary
-- key), evaluated on every row it looks at: a setting looked up and a uuid parsed per row. Written
-- `tenant_id = (SELECT current_tenant_id())`, the sub-select becomes an InitPlan evaluated once per
-- statement and each row compares with its result, which is what an explicit
-- `WHERE tenant_id = ?` costs (the bench's RLS pair: 0.75-0.80 of the explicit filter before).
-- Index conditions still use it: `(tenant_id, ...)` indexes work as before.
--
-- Repeatable (R__), like R__platform_relay_grants.sql: V0_1's enable_tenant_rls wrote the per-row
-- form, and databases already migrated past it must be rewritten too (a V0_2 would be out of
-- order there). Flyway applies this after the versioned migrations, and again whenever it
-- changes. It replaces enable_tenant_rls, so versioned migrations from now on write the
-- once-per-statement form, and then rewrites every policy of the schema still calling
-- current_tenant_id() or current_app_user_id() row by row (the tenant_isolation policies and the
-- services' own: erasure, sharing, own rows), keeping each policy's command and roles.
-- ServiceBasicsTest fails a service whose policies call them any other way.

CREATE OR REPLACE FUNCTION enable_tenant_rls(target regclass, owner_column text DEFAULT NULL) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    rule text := 'tenant_id = (SELECT current_tenant_id())';
BEGIN
    IF owner_column IS NOT NULL THEN
        rule := rule || format(' AND %I = (SELECT current_app_user_id())', owner_column);
    END IF;
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (%s) WITH CHECK (%s)', target, rule, rule);
END
$$;

-- A helper of an earlier version of this file; the rewrite below needs no function of its own.
DROP FUNCTION IF EXISTS tenant_policy_once_per_statement(text);

-- Each per-row call in a policy expression becomes a once-per-statement sub-select. Deparsed
-- policies show a sub-select as "( SELECT current_tenant_id() AS current_tenant_id)", so a call
-- preceded by "SELECT " is already in that form and left alone.
DO $$
DECLARE
    per_row CONSTANT text := '(?<!SELECT )(current_tenant_id|current_app_user_id)\(\)';
    policy record;
    using_clause text;
    check_clause text;
BEGIN
    FOR policy IN
        SELECT p.polname, p.polrelid::regclass AS target,
               pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
        FROM pg_policy p
        JOIN pg_class c ON c.oid = p.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema()
    LOOP
        using_clause := regexp_replace(policy.qual, per_row, '(SELECT \1())', 'g');
        check_clause := regexp_replace(policy.with_check, per_row, '(SELECT \1())', 'g');
        IF using_clause IS DISTINCT FROM policy.qual THEN
            EXECUTE format('ALTER POLICY %I ON %s USING (%s)', policy.polname, policy.target, using_clause);
        END IF;
        IF check_clause IS DISTINCT FROM policy.with_check THEN
            EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (%s)', policy.polname, policy.target, check_clause);
        END IF;
    END LOOP;
END
$$;
