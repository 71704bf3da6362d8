-- Projects and opportunities of the CRM (seed 001 Project, Opportunity). Both belong to a client of
-- the circle (seed 001: client_id NOT NULL). Money is numeric(19,4) with the currency it is in
-- (seed 001 has decimal(10,2) and no currency; totals are per currency): a project's budget and
-- paid amount, an opportunity's value. The project's type is seed 001's ProjectType, whose values
-- the seed does not list: a lower-case word, 'website' by default.
CREATE TABLE projects (
    id             uuid          PRIMARY KEY,
    tenant_id      uuid          NOT NULL,
    client_id      uuid          NOT NULL,
    name           varchar(255)  NOT NULL,
    description    text,
    type           varchar(30)   NOT NULL DEFAULT 'website' CHECK (type ~ '^[a-z][a-z0-9_]{0,29}$'),
    -- The pipeline: planning -> design -> development -> review -> launched (the service allows
    -- one step forward or one back before launch; see ProjectStatus).
    status         varchar(12)   NOT NULL DEFAULT 'planning'
        CHECK (status IN ('planning', 'design', 'development', 'review', 'launched')),
    priority       varchar(10)   NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    start_date     date,
    due_date       date,
    currency       char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    budget         numeric(19,4) CHECK (budget >= 0),
    paid_amount    numeric(19,4) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    repository_url varchar(2048),
    staging_url    varchar(2048),
    production_url varchar(2048),
    version        bigint        NOT NULL DEFAULT 0,
    created_by     uuid          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
);
CREATE INDEX idx_projects_client_id ON projects (tenant_id, client_id);
CREATE INDEX idx_projects_status ON projects (tenant_id, status);
SELECT enable_tenant_rls('projects');

-- Every move of a project through the pipeline (its creation included: old_status null), never
-- rewritten or deleted by the application; only erasure removes it.
CREATE TABLE project_logs (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    project_id uuid        NOT NULL,
    old_status varchar(12) CHECK (old_status IN ('planning', 'design', 'development', 'review', 'launched')),
    new_status varchar(12) NOT NULL CHECK (new_status IN ('planning', 'design', 'development', 'review', 'launched')),
    changed_by uuid        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
CREATE INDEX idx_project_logs_project ON project_logs (tenant_id, project_id, changed_at, id);
SELECT enable_tenant_rls('project_logs');
REVOKE UPDATE ON project_logs FROM ${app_role};
CREATE TRIGGER project_logs_no_delete BEFORE DELETE ON project_logs
    FOR EACH STATEMENT EXECUTE FUNCTION finance_refuse_runtime_delete();

-- Upsell opportunities with a client (seed 001 Opportunity). Converting one makes a project of the
-- client (project_id) and marks it converted; a dismissed opportunity is not converted, and a
-- converted one stays converted.
CREATE TABLE opportunities (
    id              uuid          PRIMARY KEY,
    tenant_id       uuid          NOT NULL,
    client_id       uuid          NOT NULL,
    title           varchar(255)  NOT NULL,
    description     text,
    currency        char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    value           numeric(19,4) CHECK (value >= 0),
    is_ai_generated boolean       NOT NULL DEFAULT false,
    is_dismissed    boolean       NOT NULL DEFAULT false,
    is_converted    boolean       NOT NULL DEFAULT false,
    project_id      uuid,
    converted_at    timestamptz,
    version         bigint        NOT NULL DEFAULT 0,
    created_by      uuid          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    CHECK (NOT (is_dismissed AND is_converted)),
    CHECK (is_converted = (project_id IS NOT NULL)),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
CREATE INDEX idx_opportunities_client_id ON opportunities (tenant_id, client_id);
CREATE UNIQUE INDEX idx_opportunities_project_id ON opportunities (tenant_id, project_id) WHERE project_id IS NOT NULL;
SELECT enable_tenant_rls('opportunities');
