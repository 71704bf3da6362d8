-- Daily check-ins (seed 001), private to their owner like every health row.

-- One check-in per member per day (the member's local date, from their time zone).
CREATE TABLE daily_check_ins (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    owner_id      uuid        NOT NULL,
    date          date        NOT NULL,
    mood          smallint    CHECK (mood BETWEEN 1 AND 5),
    energy        smallint    CHECK (energy BETWEEN 1 AND 5),
    sleep_quality smallint    CHECK (sleep_quality BETWEEN 1 AND 5),
    notes         text,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_daily_check_ins_owner_date UNIQUE (tenant_id, owner_id, date)
);
SELECT enable_tenant_rls('daily_check_ins', 'owner_id');
SELECT allow_circle_erasure('daily_check_ins');
