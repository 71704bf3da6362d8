-- Sprints (seed 000 sprints, with seed 004's optional 21-days-on / 7-days-off cycle). A sprint in
-- a cycle carries its on/off lengths; the next sprint of the cycle starts off_days after this one
-- ends and lasts on_days, and points back at the sprint it follows (one successor each).
-- Tasks join a sprint through tasks.sprint_id (seed 000); goals through sprint_goals.

CREATE TABLE sprints (
    id                 uuid         PRIMARY KEY,
    tenant_id          uuid         NOT NULL,
    domain_id          uuid,
    name               varchar(255) NOT NULL,
    start_date         date         NOT NULL,
    end_date           date         NOT NULL,
    status             varchar(20)  NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'active', 'completed', 'cancelled')),
    goal               text,
    retrospective      text,
    cycle_on_days      integer      CHECK (cycle_on_days BETWEEN 1 AND 365),
    cycle_off_days     integer      CHECK (cycle_off_days BETWEEN 0 AND 365),
    previous_sprint_id uuid,
    completed_at       timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    created_by         uuid         NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (end_date >= start_date),
    CHECK ((cycle_on_days IS NULL) = (cycle_off_days IS NULL)),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id),
    FOREIGN KEY (tenant_id, previous_sprint_id) REFERENCES sprints (tenant_id, id)
);
CREATE INDEX idx_sprints_domain_id ON sprints (tenant_id, domain_id);
CREATE INDEX idx_sprints_status ON sprints (tenant_id, status);
CREATE INDEX idx_sprints_date_range ON sprints (tenant_id, start_date, end_date);
CREATE UNIQUE INDEX idx_sprints_previous ON sprints (tenant_id, previous_sprint_id) WHERE previous_sprint_id IS NOT NULL;
SELECT enable_tenant_rls('sprints');

ALTER TABLE tasks ADD COLUMN sprint_id uuid;
ALTER TABLE tasks ADD FOREIGN KEY (tenant_id, sprint_id) REFERENCES sprints (tenant_id, id);
CREATE INDEX idx_tasks_sprint_id ON tasks (tenant_id, sprint_id);

CREATE TABLE sprint_goals (
    tenant_id  uuid        NOT NULL,
    sprint_id  uuid        NOT NULL,
    goal_id    uuid        NOT NULL,
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, sprint_id, goal_id),
    FOREIGN KEY (tenant_id, sprint_id) REFERENCES sprints (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id)
);
CREATE INDEX idx_sprint_goals_goal_id ON sprint_goals (tenant_id, goal_id);
SELECT enable_tenant_rls('sprint_goals');
