-- daily_metrics (seed 004 metrics): one free-form jsonb record per user per day, the user's own.
-- Roadmaps (seed 004 roadmaps, whose milestones sit in the data blob there) get their milestones
-- as rows, ordered, with progress derived from them. Skills (seed 004 skill_progression) carry a
-- current and a target level; every level change is kept in skill_progress (seed 004's
-- progress_data, as rows).

CREATE TABLE daily_metrics (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    date       date        NOT NULL,
    data       jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    version    bigint      NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX idx_daily_metrics_user_date ON daily_metrics (tenant_id, user_id, date);
CREATE INDEX idx_daily_metrics_data ON daily_metrics USING gin (data);
SELECT enable_tenant_rls('daily_metrics');

CREATE TABLE roadmaps (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    domain_id   uuid,
    goal_id     uuid,
    title       varchar(255) NOT NULL,
    description text,
    status      varchar(20)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'archived')),
    start_date  date,
    target_date date,
    data        jsonb        NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    version     bigint       NOT NULL DEFAULT 0,
    created_by  uuid         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (target_date IS NULL OR start_date IS NULL OR target_date >= start_date),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id),
    FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id)
);
CREATE INDEX idx_roadmaps_status ON roadmaps (tenant_id, status);
CREATE INDEX idx_roadmaps_goal_id ON roadmaps (tenant_id, goal_id);
SELECT enable_tenant_rls('roadmaps');

CREATE TABLE roadmap_milestones (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    roadmap_id   uuid         NOT NULL,
    title        varchar(255) NOT NULL,
    description  text,
    due_date     date,
    status       varchar(20)  NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done')),
    sort_order   integer      NOT NULL DEFAULT 0,
    completed_at timestamptz,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, roadmap_id) REFERENCES roadmaps (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_roadmap_milestones_roadmap ON roadmap_milestones (tenant_id, roadmap_id, sort_order);
SELECT enable_tenant_rls('roadmap_milestones');

CREATE TABLE skills (
    id            uuid         PRIMARY KEY,
    tenant_id     uuid         NOT NULL,
    name          varchar(100) NOT NULL,
    category      varchar(50)  NOT NULL,
    current_level numeric(6,2) NOT NULL DEFAULT 0 CHECK (current_level >= 0),
    target_level  numeric(6,2) NOT NULL DEFAULT 0 CHECK (target_level >= 0),
    version       bigint       NOT NULL DEFAULT 0,
    created_by    uuid         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX idx_skills_name ON skills (tenant_id, lower(name));
CREATE INDEX idx_skills_category ON skills (tenant_id, category);
SELECT enable_tenant_rls('skills');

CREATE TABLE skill_progress (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    skill_id    uuid         NOT NULL,
    level       numeric(6,2) NOT NULL CHECK (level >= 0),
    recorded_on date         NOT NULL,
    note        text,
    created_by  uuid         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, skill_id) REFERENCES skills (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_skill_progress_skill ON skill_progress (tenant_id, skill_id, recorded_on);
SELECT enable_tenant_rls('skill_progress');
