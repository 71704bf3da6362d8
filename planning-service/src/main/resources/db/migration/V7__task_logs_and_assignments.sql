-- Task status history and assignees (seed 002 TaskModule: task_logs, task_assignments), plus the
-- circle members planning knows of, so that an assignee can be checked to be a member.

CREATE TABLE task_logs (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    task_id     uuid        NOT NULL,
    old_status  varchar(20) CHECK (old_status IN ('backlog', 'todo', 'in_progress', 'blocked', 'done', 'cancelled')),
    new_status  varchar(20) NOT NULL
        CHECK (new_status IN ('backlog', 'todo', 'in_progress', 'blocked', 'done', 'cancelled')),
    changed_by  uuid        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id)
);
CREATE INDEX idx_task_logs_task ON task_logs (tenant_id, task_id, changed_at, id);
SELECT enable_tenant_rls('task_logs');

-- Members of a circle as planning has seen them: from identity's identity.membership events
-- (added, role changed, removed, dissolved) and from every request that passed identity's access
-- check in that circle. identity-service offers no "is this user a member" call for a user other
-- than the caller, so this projection is what an assignment is checked against.
CREATE TABLE circle_members (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    role       varchar(20),
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
SELECT enable_tenant_rls('circle_members');

CREATE TABLE task_assignments (
    tenant_id   uuid        NOT NULL,
    task_id     uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    assigned_by uuid        NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, task_id, user_id),
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id)
);
CREATE INDEX idx_task_assignments_user ON task_assignments (tenant_id, user_id);
SELECT enable_tenant_rls('task_assignments');
