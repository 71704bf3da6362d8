-- Wearables (seed 003): a member's devices and their samples, private to the member like every
-- health row. wearable_samples is partitioned by day (UTC) on recorded_at; partitions are made on
-- demand by wearable_samples_partition(day), which the runtime role may call but whose tables it
-- cannot read or write directly (only through the parent, under its row-level security).

CREATE TABLE wearable_devices (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    owner_id    uuid         NOT NULL,
    name        varchar(100) NOT NULL,
    kind        varchar(20)  NOT NULL CHECK (kind IN ('watch', 'ring', 'band', 'scale', 'phone', 'partner', 'other')),
    vendor      varchar(100),
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, owner_id, id)
);
SELECT enable_tenant_rls('wearable_devices', 'owner_id');
SELECT allow_circle_erasure('wearable_devices');

-- The primary key is the dedupe rule: one sample per owner, device, metric and instant.
CREATE TABLE wearable_samples (
    tenant_id   uuid          NOT NULL,
    owner_id    uuid          NOT NULL,
    device_id   uuid          NOT NULL,
    metric      varchar(30)   NOT NULL CHECK (metric IN ('heart_rate', 'steps', 'sleep_stage', 'hrv', 'spo2',
                                                         'resting_heart_rate', 'active_energy')),
    value       numeric(14,4) NOT NULL,
    unit        varchar(20)   NOT NULL,
    recorded_at timestamptz   NOT NULL,
    end_at      timestamptz,
    received_at timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, owner_id, device_id, metric, recorded_at),
    CHECK (end_at IS NULL OR end_at >= recorded_at),
    FOREIGN KEY (tenant_id, owner_id, device_id) REFERENCES wearable_devices (tenant_id, owner_id, id) ON DELETE CASCADE
) PARTITION BY RANGE (recorded_at);
SELECT enable_tenant_rls('wearable_samples', 'owner_id');
SELECT allow_circle_erasure('wearable_samples');

-- The partition of one UTC day, made if missing. Days outside [today - 400, today + 2] are
-- refused: the service accepts no sample there, so no caller needs such a partition.
CREATE FUNCTION wearable_samples_partition(day date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    partition text := 'wearable_samples_' || to_char(day, 'YYYYMMDD');
BEGIN
    IF day IS NULL OR day < current_date - 401 OR day > current_date + 2 THEN
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
    -- Only through the parent: no privilege on the partition itself, and forced RLS without a
    -- policy there, so even a grant by mistake shows nothing.
    EXECUTE format('REVOKE ALL ON %I FROM ${app_role}', partition);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', partition);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', partition);
END
$$;
REVOKE ALL ON FUNCTION wearable_samples_partition(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wearable_samples_partition(date) TO ${app_role};
