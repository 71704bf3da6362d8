-- An import's progress, for a client to poll (GET /api/v1/imports/{id}) while the commit runs.
-- The import itself stays one transaction; these rows are written in transactions of their own
-- (REQUIRES_NEW), so they are visible to other requests, on any instance, while it runs, and
-- survive its rollback as status failed. The id may be chosen by the client (so it can poll before
-- the answer comes), hence the key (tenant_id, id): one circle's id never collides with another's.
-- account_id has no foreign key on purpose: the import holds its account's row lock while it
-- writes, and a key check from the progress transaction would wait for that lock.
CREATE TABLE imports (
    id           uuid        NOT NULL,
    tenant_id    uuid        NOT NULL,
    account_id   uuid        NOT NULL,
    format       varchar(3)  NOT NULL CHECK (format IN ('csv', 'ofx')),
    status       varchar(10) NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
    rows_total   integer     NOT NULL CHECK (rows_total >= 0),
    rows_new     integer     CHECK (rows_new >= 0),
    rows_written integer     NOT NULL DEFAULT 0 CHECK (rows_written >= 0),
    error        varchar(1000),
    created_by   uuid        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX idx_imports_account ON imports (tenant_id, account_id, started_at);
SELECT enable_tenant_rls('imports');
