-- Trips and their budgets (seed 002 TravelModule: trips, trip_budgets, trip_logs). created_by is the
-- seed's owner_id (the trip is the circle's, like the rest of its books). A trip names the ledger
-- tag that links transactions to it (seed 002 gives transactions no trip link; the ledger's tags
-- are the circle's way of grouping rows): a trip budget's actual is the posted out-going,
-- non-transfer transactions carrying that tag, in the line's category and currency, computed,
-- never stored.
CREATE TABLE trips (
    id         uuid         PRIMARY KEY,
    tenant_id  uuid         NOT NULL,
    title      varchar(255) NOT NULL,
    start_date date         NOT NULL,
    end_date   date         NOT NULL,
    tag        varchar(50)  NOT NULL,
    version    bigint       NOT NULL DEFAULT 0,
    created_by uuid         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (end_date >= start_date)
);
CREATE UNIQUE INDEX idx_trips_tag ON trips (tenant_id, tag);
CREATE INDEX idx_trips_start_date ON trips (tenant_id, start_date, id);
SELECT enable_tenant_rls('trips');

-- What the circle plans to spend on a trip, per category and currency (seed 002 trip_budgets.amount).
CREATE TABLE trip_budgets (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    trip_id     uuid          NOT NULL,
    category_id uuid          NOT NULL,
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount      numeric(19,4) NOT NULL CHECK (amount >= 0),
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, trip_id) REFERENCES trips (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
);
CREATE UNIQUE INDEX idx_trip_budgets_line ON trip_budgets (tenant_id, trip_id, category_id, currency);
SELECT enable_tenant_rls('trip_budgets');

-- Every change of a trip or its budget lines, with the value before and after (seed 002
-- trip_logs); never rewritten or deleted by the application, only by erasure.
CREATE TABLE trip_logs (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    trip_id    uuid        NOT NULL,
    action     varchar(20) NOT NULL
        CHECK (action IN ('created', 'updated', 'budget_added', 'budget_changed', 'budget_removed')),
    old_value  jsonb,
    new_value  jsonb,
    updated_by uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, trip_id) REFERENCES trips (tenant_id, id)
);
CREATE INDEX idx_trip_logs_trip ON trip_logs (tenant_id, trip_id, created_at, id);
SELECT enable_tenant_rls('trip_logs');
REVOKE UPDATE ON trip_logs FROM ${app_role};
CREATE TRIGGER trip_logs_no_delete BEFORE DELETE ON trip_logs
    FOR EACH STATEMENT EXECUTE FUNCTION finance_refuse_runtime_delete();
