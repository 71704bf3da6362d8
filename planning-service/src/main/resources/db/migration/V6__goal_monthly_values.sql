-- Goal monthly values (seed 004 goals.monthly / monthly_targets, as rows instead of jsonb so that
-- a month is one row a write can lock and RLS can guard): what a goal gained in each calendar
-- month and, optionally, that month's target. A goal's current_value is the sum of its months;
-- the service keeps them equal (a direct write of current_value books the difference in the
-- current month, a completed linked task books its contribution in the month it was completed).

CREATE TABLE goal_monthly_values (
    tenant_id  uuid          NOT NULL,
    goal_id    uuid          NOT NULL,
    month      char(7)       NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    value      numeric(14,2) NOT NULL DEFAULT 0,
    target     numeric(14,2) CHECK (target > 0),
    created_at timestamptz   NOT NULL DEFAULT now(),
    updated_at timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, goal_id, month),
    FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id) ON DELETE CASCADE
);
SELECT enable_tenant_rls('goal_monthly_values');

-- Seed 001: completing a task linked to a goal adds to the goal's current value; how much is the
-- task's contribution (1 unless the task says otherwise, e.g. 5 for "run 5 km").
ALTER TABLE tasks ADD COLUMN goal_contribution numeric(14,2) NOT NULL DEFAULT 1 CHECK (goal_contribution > 0);
