-- Body measurements (seed 000), private to their owner like every health row. The unit is a UCUM
-- code that fits the type (the service converts between them on read); custom measurements take
-- any unit.
CREATE TABLE measurements (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    owner_id    uuid          NOT NULL,
    date        date          NOT NULL,
    type        varchar(20)   NOT NULL
        CHECK (type IN ('weight', 'bust', 'waist', 'hips', 'height', 'body_fat_pct', 'custom')),
    value       numeric(10,2) NOT NULL CHECK (value > 0),
    unit        varchar(10)   NOT NULL,
    notes       text,
    version     bigint        NOT NULL DEFAULT 0,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CHECK (type = 'custom'
        OR (type = 'weight' AND unit IN ('kg', 'g', '[lb_av]'))
        OR (type IN ('bust', 'waist', 'hips', 'height') AND unit IN ('cm', 'm', '[in_i]'))
        OR (type = 'body_fat_pct' AND unit = '%' AND value <= 100))
);
CREATE INDEX idx_measurements_type_date ON measurements (tenant_id, owner_id, type, date DESC, id DESC);
CREATE INDEX idx_measurements_date ON measurements (tenant_id, owner_id, date DESC, id DESC);
SELECT enable_tenant_rls('measurements', 'owner_id');
SELECT allow_circle_erasure('measurements');
