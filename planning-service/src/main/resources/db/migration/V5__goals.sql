-- Goals (seed 000, with the numeric target/current value and unit of seeds 001/004): a
-- yearly → quarterly → monthly → weekly hierarchy through parent_id, the level rule enforced by
-- the service. progress_pct is derived by the service (GoalProgress), never written by clients.
-- Tasks link to a goal (seed 001 Task.goalId) inside the same circle.

CREATE TABLE goals (
    id            uuid          PRIMARY KEY,
    tenant_id     uuid          NOT NULL,
    domain_id     uuid          NOT NULL,
    parent_id     uuid,
    title         varchar(255)  NOT NULL,
    description   text,
    level         varchar(20)   NOT NULL CHECK (level IN ('yearly', 'quarterly', 'monthly', 'weekly')),
    status        varchar(20)   NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'abandoned', 'paused')),
    target_date   date,
    target_value  numeric(14,2) CHECK (target_value > 0),
    current_value numeric(14,2) NOT NULL DEFAULT 0 CHECK (current_value >= 0),
    unit          varchar(20),
    progress_pct  integer       NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
    sort_order    integer       NOT NULL DEFAULT 0,
    completed_at  timestamptz,
    version       bigint        NOT NULL DEFAULT 0,
    created_by    uuid          NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES goals (tenant_id, id),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX idx_goals_domain_id ON goals (tenant_id, domain_id);
CREATE INDEX idx_goals_parent_id ON goals (tenant_id, parent_id);
CREATE INDEX idx_goals_level ON goals (tenant_id, level);
CREATE INDEX idx_goals_status ON goals (tenant_id, status);
SELECT enable_tenant_rls('goals');

ALTER TABLE tasks ADD COLUMN goal_id uuid;
ALTER TABLE tasks ADD FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id);
CREATE INDEX idx_tasks_goal_id ON tasks (tenant_id, goal_id);
