-- Missed doses (issue 16: health.medication dose_missed, once per dose). The detector records each
-- missed dose here under its unique key in the transaction that writes the event to the outbox, so
-- a dose is announced once however often, and on however many replicas, the detector runs.
CREATE TABLE medication_missed_doses (
    tenant_id     uuid        NOT NULL,
    owner_id      uuid        NOT NULL,
    medication_id uuid        NOT NULL,
    scheduled_for timestamp   NOT NULL,
    detected_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (medication_id, scheduled_for),
    FOREIGN KEY (tenant_id, owner_id, medication_id) REFERENCES medications (tenant_id, owner_id, id) ON DELETE CASCADE
);
SELECT enable_tenant_rls('medication_missed_doses', 'owner_id');
SELECT allow_circle_erasure('medication_missed_doses');

-- The detector walks every circle's active medications, then checks each one in its own circle
-- as its owner (row-level security as for a request). Listing them across circles is this
-- function's alone: it runs as the migration role, and a SELECT policy for that role only applies
-- while the function turns app.missed_dose_scan on (and off again before it returns). It gives ids, no health data.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY missed_dose_scan ON medications FOR SELECT TO %I '
                   'USING (current_setting(''app.missed_dose_scan'', true) = ''on'')', current_user);
END
$$;

CREATE FUNCTION medications_for_missed_dose_scan(ended_after date)
    RETURNS TABLE (tenant_id uuid, owner_id uuid, medication_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
BEGIN
    PERFORM set_config('app.missed_dose_scan', 'on', true);
    RETURN QUERY SELECT m.tenant_id, m.owner_id, m.id FROM medications m
                 WHERE m.active AND (m.ends_on IS NULL OR m.ends_on >= ended_after)
                 ORDER BY m.tenant_id, m.id;
    PERFORM set_config('app.missed_dose_scan', 'off', true);
END
$$;
REVOKE ALL ON FUNCTION medications_for_missed_dose_scan(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medications_for_missed_dose_scan(date) TO ${app_role};
