-- CRM clients (seed 001 clients): status, health score, payment status, contract value and monthly
-- retainer (numeric, with the currency they are in: seed 001 has none, and totals are per currency),
-- last contact and next follow-up. An active client's retainer counts in MRR (snapshots).
CREATE TABLE clients (
    id               uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    contact_id       uuid,
    name             varchar(255)  NOT NULL,
    email            varchar(255),
    company          varchar(255),
    status           varchar(10)   NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'paused', 'completed', 'churned')),
    health_score     varchar(10)   NOT NULL DEFAULT 'green' CHECK (health_score IN ('green', 'yellow', 'red')),
    payment_status   varchar(10)   NOT NULL DEFAULT 'current' CHECK (payment_status IN ('current', 'pending', 'overdue')),
    currency         char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    contract_value   numeric(19,4) CHECK (contract_value >= 0),
    monthly_retainer numeric(19,4) CHECK (monthly_retainer >= 0),
    last_contacted   timestamptz,
    next_followup    date,
    metadata         jsonb         NOT NULL DEFAULT '{}',
    version          bigint        NOT NULL DEFAULT 0,
    created_by       uuid          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX idx_clients_status ON clients (tenant_id, status);
CREATE INDEX idx_clients_health_score ON clients (tenant_id, health_score);
CREATE INDEX idx_clients_next_followup ON clients (tenant_id, next_followup);
SELECT enable_tenant_rls('clients');
