-- Wearable partitions made ahead by a scheduled job, and retention: whole partitions older than
-- the retention are dropped. Both run as the migration role (SECURITY DEFINER, like the on-demand
-- creation of V6), so the runtime role, which owns no table, can have them done without being
-- able to create, alter or drop any table itself.

-- The on-demand creation of V6, with bounds that allow a job to make partitions a month ahead and
-- a retention longer than 400 days to keep (and refill) older days.
CREATE OR REPLACE FUNCTION wearable_samples_partition(day date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    partition text := 'wearable_samples_' || to_char(day, 'YYYYMMDD');
BEGIN
    IF day IS NULL OR day < current_date - 3660 OR day > current_date + 31 THEN
        RAISE EXCEPTION 'wearable_samples_partition: % is outside the days samples may have', day;
    END IF;
    IF to_regclass(partition) IS NOT NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(partition, 0));
    IF to_regclass(partition) IS NOT NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF wearable_samples FOR VALUES FROM (%L) TO (%L)', partition,
                   (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
    -- Only through the parent: no privilege on the partition itself, and the parent's owner
    -- policy (forced) on it too, so even a grant by mistake shows a member only their own rows.
    EXECUTE format('REVOKE ALL ON %I FROM ${app_role}', partition);
    PERFORM enable_tenant_rls(partition::regclass, 'owner_id');
END
$$;

-- Partitions made before this version get the same policy.
DO $$
DECLARE
    part record;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'wearable_samples'::regclass LOOP
        PERFORM enable_tenant_rls(part.relname::regclass, 'owner_id');
    END LOOP;
END
$$;

-- The partitions of today (UTC) and the next `days` days that are missing; how many were made.
CREATE FUNCTION wearable_samples_partitions_ahead(days int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    today date := (now() AT TIME ZONE 'UTC')::date;
    made int := 0;
BEGIN
    IF days IS NULL OR days < 0 OR days > 31 THEN
        RAISE EXCEPTION 'wearable_samples_partitions_ahead: days must be 0 to 31, not %', days;
    END IF;
    FOR i IN 0..days LOOP
        IF to_regclass('wearable_samples_' || to_char(today + i, 'YYYYMMDD')) IS NULL THEN
            PERFORM wearable_samples_partition(today + i);
            made := made + 1;
        END IF;
    END LOOP;
    RETURN made;
END
$$;

-- Drops the partitions of UTC days before today - `days` (their samples go with them; the daily
-- summaries stay). At least 30 days are kept whatever the caller asks; returns how many were dropped.
CREATE FUNCTION wearable_samples_drop_older_than(days int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    cutoff date;
    part record;
    dropped int := 0;
BEGIN
    IF days IS NULL OR days < 30 THEN
        RAISE EXCEPTION 'wearable_samples_drop_older_than: keeps at least 30 days, not %', days;
    END IF;
    cutoff := (now() AT TIME ZONE 'UTC')::date - days;
    FOR part IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'wearable_samples'::regclass AND c.relname ~ '^wearable_samples_[0-9]{8}$'
          AND to_date(substring(c.relname FROM 18), 'YYYYMMDD') < cutoff
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END
$$;

REVOKE ALL ON FUNCTION wearable_samples_partitions_ahead(int) FROM PUBLIC;
REVOKE ALL ON FUNCTION wearable_samples_drop_older_than(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wearable_samples_partitions_ahead(int) TO ${app_role};
GRANT EXECUTE ON FUNCTION wearable_samples_drop_older_than(int) TO ${app_role};
