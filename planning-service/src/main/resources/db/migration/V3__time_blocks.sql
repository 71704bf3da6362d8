-- Time blocks (seed 000): spans [start_time, end_time) of one user's calendar day. The service
-- refuses overlaps within a user's day unless a write asks for one, so no exclusion constraint.
-- Links to a domain, task or habit stay inside the circle through composite foreign keys.

CREATE TABLE time_blocks (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    user_id     uuid         NOT NULL,
    domain_id   uuid,
    task_id     uuid,
    habit_id    uuid,
    title       varchar(255) NOT NULL,
    date        date         NOT NULL,
    start_time  time         NOT NULL,
    end_time    time         NOT NULL,
    block_type  varchar(20)  NOT NULL CHECK (block_type IN ('work', 'personal', 'health', 'break', 'transit')),
    status      varchar(20)  NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'completed', 'skipped', 'rescheduled')),
    notes       text,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (end_time > start_time),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id),
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id),
    FOREIGN KEY (tenant_id, habit_id) REFERENCES habits (tenant_id, id)
);
CREATE INDEX idx_time_blocks_user_date_start ON time_blocks (tenant_id, user_id, date, start_time);
CREATE INDEX idx_time_blocks_date_start ON time_blocks (tenant_id, date, start_time);
CREATE INDEX idx_time_blocks_domain_id ON time_blocks (tenant_id, domain_id);
CREATE INDEX idx_time_blocks_task_id ON time_blocks (tenant_id, task_id);
CREATE INDEX idx_time_blocks_habit_id ON time_blocks (tenant_id, habit_id);
SELECT enable_tenant_rls('time_blocks');
