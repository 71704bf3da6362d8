-- wearable_samples_partition(day) of V8, safe when two transactions make the same partition at
-- once. The one waiting for the advisory lock checked again with to_regclass, which reads the
-- catalog caches: they still held "no such table" from the first check (taking an advisory lock
-- reads no invalidation), so it went on to CREATE TABLE and failed with "already exists" after the
-- other committed. Two concurrent ingests of samples of a new day did exactly that. The check
-- after the lock now queries pg_class, which a new statement reads with a new snapshot.
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
    IF EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relname = partition AND n.nspname = '${flyway:defaultSchema}') THEN
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
