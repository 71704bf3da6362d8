-- Budgets (seed 003 Budgets): what a circle plans to spend in a category in a month, in one
-- currency. Actual spending is computed from the ledger (posted out-going rows; voids excluded),
-- never stored; exceeded_at records the one announcement when a month went over.
CREATE TABLE budgets (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    category_id uuid          NOT NULL,
    month       date          NOT NULL CHECK (extract(day FROM month) = 1),
    planned     numeric(19,4) NOT NULL CHECK (planned >= 0),
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    exceeded_at timestamptz,
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
);
CREATE UNIQUE INDEX idx_budgets_category_month ON budgets (tenant_id, category_id, month, currency);
CREATE INDEX idx_budgets_month ON budgets (tenant_id, month);
SELECT enable_tenant_rls('budgets');
