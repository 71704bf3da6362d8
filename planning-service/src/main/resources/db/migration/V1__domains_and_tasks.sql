-- Life domains and tasks (seed 000 domains/tasks, with seed 001/002 fields that DOMAIN.md folds
-- in). Every table is a tenant table: tenant_id first in composite indexes, row-level security
-- forced. References between tenant tables include tenant_id, so a row can never point into
-- another circle even if application code forgot to check.

CREATE TABLE domains (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    name        varchar(100) NOT NULL,
    type        varchar(30)  NOT NULL CHECK (type IN ('client_work', 'software', 'side_project', 'life_admin',
                                                      'modeling', 'escort', 'content', 'physical')),
    slug        varchar(50)  NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    color       varchar(7)   NOT NULL CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
    icon        varchar(30)  NOT NULL,
    description text,
    is_active   boolean      NOT NULL DEFAULT true,
    sort_order  integer      NOT NULL DEFAULT 0,
    config      jsonb        NOT NULL DEFAULT '{}',
    version     bigint       NOT NULL DEFAULT 0,
    created_by  uuid         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX idx_domains_slug ON domains (tenant_id, slug);
CREATE INDEX idx_domains_type ON domains (tenant_id, type);
CREATE INDEX idx_domains_is_active ON domains (tenant_id, is_active);
SELECT enable_tenant_rls('domains');

CREATE TABLE tasks (
    id                 uuid         PRIMARY KEY,
    tenant_id          uuid         NOT NULL,
    domain_id          uuid         NOT NULL,
    parent_id          uuid,
    title              varchar(500) NOT NULL,
    description        text,
    status             varchar(20)  NOT NULL DEFAULT 'todo'
        CHECK (status IN ('backlog', 'todo', 'in_progress', 'blocked', 'done', 'cancelled')),
    priority           varchar(10)  NOT NULL DEFAULT 'medium' CHECK (priority IN ('critical', 'high', 'medium', 'low')),
    -- For ordering by priority (critical first) in keyset pagination.
    priority_rank      smallint     GENERATED ALWAYS AS (CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1
                                                                        WHEN 'medium' THEN 2 ELSE 3 END) STORED,
    energy_level       varchar(10)  NOT NULL DEFAULT 'medium' CHECK (energy_level IN ('high', 'medium', 'low')),
    estimated_minutes  integer      CHECK (estimated_minutes >= 0),
    actual_minutes     integer      CHECK (actual_minutes >= 0),
    time_block_minutes integer      NOT NULL DEFAULT 90 CHECK (time_block_minutes BETWEEN 5 AND 1440),
    due_date           date,
    due_time           time,
    scheduled_date     date,
    scheduled_time     time,
    is_quick_win       boolean      NOT NULL DEFAULT false,
    tags               text[]       NOT NULL DEFAULT '{}',
    sort_order         integer      NOT NULL DEFAULT 0,
    completed_at       timestamptz,
    deleted_at         timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    created_by         uuid         NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES tasks (tenant_id, id),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX idx_tasks_domain_id ON tasks (tenant_id, domain_id);
CREATE INDEX idx_tasks_parent_id ON tasks (tenant_id, parent_id);
CREATE INDEX idx_tasks_status ON tasks (tenant_id, status);
CREATE INDEX idx_tasks_priority ON tasks (tenant_id, priority_rank, id);
CREATE INDEX idx_tasks_energy_level ON tasks (tenant_id, energy_level);
CREATE INDEX idx_tasks_due_date ON tasks (tenant_id, due_date, id);
CREATE INDEX idx_tasks_scheduled_date ON tasks (tenant_id, scheduled_date, id);
CREATE INDEX idx_tasks_is_quick_win ON tasks (tenant_id, is_quick_win) WHERE status NOT IN ('done', 'cancelled');
CREATE INDEX idx_tasks_deleted_at ON tasks (tenant_id, deleted_at);
CREATE INDEX idx_tasks_tags ON tasks USING gin (tags);
SELECT enable_tenant_rls('tasks');
