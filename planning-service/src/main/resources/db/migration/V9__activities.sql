-- The activity catalog (seed 001 Activity): things a user does regularly, picked to build a day.
-- A task created from an activity takes its title, duration and energy, and the activity counts
-- the use. Seed 001's energy levels (DEEP_WORK, MODERATE, LIGHT) are planning's high, medium, low.

CREATE TABLE activities (
    id               uuid         PRIMARY KEY,
    tenant_id        uuid         NOT NULL,
    domain_id        uuid,
    title            varchar(255) NOT NULL,
    description      text,
    category         varchar(20)  NOT NULL CHECK (category IN ('design', 'code', 'client', 'learning', 'fitness',
                                                               'admin', 'saas', 'networking')),
    default_duration integer      NOT NULL DEFAULT 90 CHECK (default_duration BETWEEN 5 AND 1440),
    energy_level     varchar(10)  NOT NULL DEFAULT 'medium' CHECK (energy_level IN ('high', 'medium', 'low')),
    icon             varchar(30),
    is_active        boolean      NOT NULL DEFAULT true,
    sort_order       integer      NOT NULL DEFAULT 0,
    times_used       integer      NOT NULL DEFAULT 0 CHECK (times_used >= 0),
    last_used        timestamptz,
    version          bigint       NOT NULL DEFAULT 0,
    created_by       uuid         NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id)
);
CREATE INDEX idx_activities_active ON activities (tenant_id, is_active, sort_order, id);
SELECT enable_tenant_rls('activities');

-- Deleting an activity leaves its tasks, without the link (tenant_id is not touched).
ALTER TABLE tasks ADD COLUMN activity_id uuid;
ALTER TABLE tasks ADD FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id)
    ON DELETE SET NULL (activity_id);
CREATE INDEX idx_tasks_activity_id ON tasks (tenant_id, activity_id);
