-- Billable time and invoices (seed 000 billable_entries; issue 15 "Billable time and invoices").
-- An invoice groups unbilled entries of one currency; its number is gapless per circle and year:
-- invoice_counters is bumped in the invoice's own transaction (the counter row stays locked until
-- commit, and a rolled-back invoice rolls its number back), so concurrent creations queue and
-- every number from 1 up is used exactly once.

CREATE TABLE invoices (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    year        integer       NOT NULL CHECK (year BETWEEN 1970 AND 2999),
    number      integer       NOT NULL CHECK (number > 0),
    contact_id  uuid,
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total       numeric(19,4) NOT NULL CHECK (total >= 0),
    status      varchar(10)   NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'paid')),
    issued_on   date          NOT NULL,
    paid_on     date,
    income_id   uuid,
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, year, number),
    UNIQUE (tenant_id, income_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
SELECT enable_tenant_rls('invoices');

CREATE TABLE invoice_counters (
    tenant_id   uuid    NOT NULL,
    year        integer NOT NULL,
    last_number integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (tenant_id, year)
);
SELECT enable_tenant_rls('invoice_counters');

CREATE TABLE billable_entries (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    domain_id   uuid,
    task_id     uuid,
    date        date          NOT NULL,
    hours       numeric(5,2)  NOT NULL CHECK (hours > 0),
    rate        numeric(10,2) NOT NULL CHECK (rate >= 0),
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    description text,
    is_invoiced boolean       NOT NULL DEFAULT false,
    invoice_id  uuid,
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CHECK (is_invoiced = (invoice_id IS NOT NULL)),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX idx_billable_entries_domain_id ON billable_entries (tenant_id, domain_id);
CREATE INDEX idx_billable_entries_date ON billable_entries (tenant_id, date);
CREATE INDEX idx_billable_entries_is_invoiced ON billable_entries (tenant_id, is_invoiced);
SELECT enable_tenant_rls('billable_entries');
