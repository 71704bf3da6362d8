-- Daily plans (seed 000): one per user per date. Seed 000 has one per date; LifeOS circles hold
-- several people, so the date is unique per user within the circle. Focus domains are checked
-- against the circle's domains by the service (an array cannot carry a foreign key).

CREATE TABLE daily_plans (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    user_id            uuid        NOT NULL,
    date               date        NOT NULL,
    energy_level       varchar(10) CHECK (energy_level IN ('high', 'medium', 'low')),
    focus_domains      uuid[]      NOT NULL DEFAULT '{}',
    morning_intention  text,
    evening_reflection text,
    mood_morning       integer     CHECK (mood_morning BETWEEN 1 AND 5),
    mood_evening       integer     CHECK (mood_evening BETWEEN 1 AND 5),
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX idx_daily_plans_user_date ON daily_plans (tenant_id, user_id, date);
SELECT enable_tenant_rls('daily_plans');
