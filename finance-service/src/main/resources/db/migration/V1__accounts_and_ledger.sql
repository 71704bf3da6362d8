-- Accounts, the ledger (transactions, partitioned by month), categories and payee rules
-- (seeds 002 AccountModule, TransactionModule, CategoryTagModule; 003 "partitioned by date").
-- Money is numeric(19,4) with an ISO 4217 currency beside it, never floating point.

-- Ledger rows and their histories are never deleted by the application: only erasure (the
-- platform's SECURITY DEFINER functions, running as the owner) may delete them. The runtime role
-- keeps DELETE on these tables, so that the generic erasure counts them as erasable, and this
-- trigger refuses any DELETE the runtime role issues itself.
CREATE FUNCTION finance_refuse_runtime_delete() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF current_user = '${app_role}' THEN
        RAISE EXCEPTION '% rows are never deleted (void or archive them); only erasure removes them', TG_TABLE_NAME
            USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END
$$;

CREATE TABLE accounts (
    id              uuid          PRIMARY KEY,
    tenant_id       uuid          NOT NULL,
    owner_id        uuid          NOT NULL,
    type            varchar(20)   NOT NULL CHECK (type IN ('bank', 'wallet', 'credit', 'investment', 'crypto')),
    name            varchar(255)  NOT NULL,
    institution     varchar(255),
    currency        char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    opening_balance numeric(19,4) NOT NULL DEFAULT 0,
    opened_on       date          NOT NULL,
    -- A crypto account's public address, at most: never a private key or seed phrase (the
    -- service refuses values that look like one).
    crypto_address  varchar(128)  CHECK (crypto_address IS NULL OR type = 'crypto'),
    archived_at     timestamptz,
    version         bigint        NOT NULL DEFAULT 0,
    created_by      uuid          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX idx_accounts_type ON accounts (tenant_id, type);
CREATE INDEX idx_accounts_archived ON accounts (tenant_id, archived_at);
SELECT enable_tenant_rls('accounts');

-- Every change of an account: created, updated, archived, unarchived (with what changed).
CREATE TABLE account_audit_logs (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    account_id uuid        NOT NULL,
    action     varchar(30) NOT NULL,
    metadata   jsonb       NOT NULL DEFAULT '{}',
    actor_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX idx_account_audit_logs_account ON account_audit_logs (tenant_id, account_id, created_at, id);
SELECT enable_tenant_rls('account_audit_logs');
REVOKE UPDATE ON account_audit_logs FROM ${app_role};
CREATE TRIGGER account_audit_logs_no_delete BEFORE DELETE ON account_audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION finance_refuse_runtime_delete();

-- System categories (seeded per circle on first use) and the circle's own.
CREATE TABLE categories (
    id             uuid         PRIMARY KEY,
    tenant_id      uuid         NOT NULL,
    name           varchar(100) NOT NULL,
    system_defined boolean      NOT NULL DEFAULT false,
    version        bigint       NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX idx_categories_name ON categories (tenant_id, lower(name));
SELECT enable_tenant_rls('categories');

-- Rules that categorise a transaction by its payee (case-insensitive substring), lowest priority first.
CREATE TABLE category_rules (
    id            uuid         PRIMARY KEY,
    tenant_id     uuid         NOT NULL,
    payee_pattern varchar(200) NOT NULL,
    category_id   uuid         NOT NULL,
    priority      integer      NOT NULL DEFAULT 100,
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
);
CREATE INDEX idx_category_rules_priority ON category_rules (tenant_id, priority, id);
SELECT enable_tenant_rls('category_rules');

-- The ledger, one partition per month of occurred_on. A transfer is two rows (out of one account,
-- into the other) sharing transfer_id. Voiding keeps the row (status voided) and logs it.
CREATE TABLE transactions (
    id          uuid          NOT NULL,
    tenant_id   uuid          NOT NULL,
    account_id  uuid          NOT NULL,
    direction   varchar(3)    NOT NULL CHECK (direction IN ('in', 'out')),
    amount      numeric(19,4) NOT NULL CHECK (amount > 0),
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    occurred_on date          NOT NULL,
    payee       varchar(255),
    memo        text,
    category_id uuid,
    tags        text[]        NOT NULL DEFAULT '{}',
    status      varchar(10)   NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'voided')),
    transfer_id uuid,
    version     bigint        NOT NULL DEFAULT 0,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (id, occurred_on),
    FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
) PARTITION BY RANGE (occurred_on);
CREATE INDEX idx_transactions_list ON transactions (tenant_id, occurred_on DESC, id DESC);
CREATE INDEX idx_transactions_account ON transactions (tenant_id, account_id, occurred_on);
CREATE INDEX idx_transactions_category ON transactions (tenant_id, category_id, occurred_on);
CREATE INDEX idx_transactions_transfer ON transactions (tenant_id, transfer_id) WHERE transfer_id IS NOT NULL;
CREATE INDEX idx_transactions_tags ON transactions USING gin (tags);
SELECT enable_tenant_rls('transactions');
CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
    FOR EACH STATEMENT EXECUTE FUNCTION finance_refuse_runtime_delete();

-- Status changes of a transaction (a void), never rewritten.
CREATE TABLE transaction_logs (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    transaction_id uuid        NOT NULL,
    old_status     varchar(10) CHECK (old_status IN ('posted', 'voided')),
    new_status     varchar(10) NOT NULL CHECK (new_status IN ('posted', 'voided')),
    reason         varchar(500),
    changed_by     uuid        NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_transaction_logs_transaction ON transaction_logs (tenant_id, transaction_id, changed_at, id);
SELECT enable_tenant_rls('transaction_logs');
REVOKE UPDATE ON transaction_logs FROM ${app_role};
CREATE TRIGGER transaction_logs_no_delete BEFORE DELETE ON transaction_logs
    FOR EACH STATEMENT EXECUTE FUNCTION finance_refuse_runtime_delete();

-- The partition of the month of `day`, made when missing; true when it was made. Runs as the
-- owner (the migration role), so the runtime role can call it on a write into a new month and
-- from its scheduled job without owning anything. A new partition gets no privileges of its own
-- (the default privileges would grant the runtime role everything there): rows are reachable
-- only through the parent, its grants and its forced row-level security; the partition carries
-- the same forced policy for whoever reaches it directly. Months far from today are refused, so
-- that no caller can make partitions without end.
CREATE FUNCTION finance_ensure_transaction_partition(day date) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    month date := date_trunc('month', day)::date;
    name  text := 'transactions_' || to_char(date_trunc('month', day), 'YYYY_MM');
BEGIN
    IF day IS NULL OR day < date '1970-01-01' OR day > (now() + interval '2 years')::date THEN
        RAISE EXCEPTION 'no partition for %: outside 1970-01-01 .. two years ahead', day USING ERRCODE = '22008';
    END IF;
    IF to_regclass(name) IS NOT NULL THEN
        RETURN false;
    END IF;
    -- Concurrent writers into one new month: one makes it, the others find it made.
    PERFORM pg_advisory_xact_lock(hashtext('finance_transaction_partitions'));
    IF to_regclass(name) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF transactions FOR VALUES FROM (%L) TO (%L)',
                   name, month, (month + interval '1 month')::date);
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC, ${app_role}, ${relay_role}, ${eraser_role}', name);
    PERFORM enable_tenant_rls(name::regclass);
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION finance_ensure_transaction_partition(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION finance_ensure_transaction_partition(date) TO ${app_role};

-- The current month and the next months_ahead; returns how many were made.
CREATE FUNCTION finance_ensure_transaction_partitions(months_ahead int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    made        int  := 0;
BEGIN
    FOR i IN 0..least(months_ahead, 12) LOOP
        IF finance_ensure_transaction_partition((first_month + make_interval(months => i))::date) THEN
            made := made + 1;
        END IF;
    END LOOP;
    RETURN made;
END
$$;
REVOKE ALL ON FUNCTION finance_ensure_transaction_partitions(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION finance_ensure_transaction_partitions(int) TO ${app_role};

SELECT finance_ensure_transaction_partitions(2);
