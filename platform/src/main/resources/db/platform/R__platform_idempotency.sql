-- LifeOS platform: upkeep of the Idempotency-Key store (idempotency_keys, created in V0_1).
--
-- Repeatable (R__) for the same reason as R__platform_erasure.sql: it must also reach databases
-- already migrated past V0_1, so everything below is idempotent (IF NOT EXISTS, OR REPLACE,
-- DROP ... IF EXISTS).

-- A first answer that carried a secret (recovery keys, a client secret) is never kept: only the
-- fact that the key was used for it, so that a replay says so instead of running the request twice.
ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS secret_withheld boolean NOT NULL DEFAULT false;

-- Purging expired keys spans circles, but row-level security is forced on the table, so the
-- runtime role (no circle set) would see and delete nothing. The purge therefore runs as the table
-- owner through the SECURITY DEFINER function below, and the owner gets one extra policy that
-- reaches only rows past the 24-hour retention: live keys of every circle stay behind the tenant
-- policy even for the function. The retention is fixed here, not a parameter, so the runtime role
-- cannot use the function to forget keys that are still being replayed.
DROP POLICY IF EXISTS idempotency_purge ON idempotency_keys;
CREATE POLICY idempotency_purge ON idempotency_keys TO CURRENT_USER
    USING (created_at < now() - interval '24 hours');

-- Deletes the keys of every circle older than 24 hours; returns how many.
CREATE OR REPLACE FUNCTION purge_expired_idempotency_keys() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

REVOKE ALL ON FUNCTION purge_expired_idempotency_keys() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_expired_idempotency_keys() TO ${app_role};
