-- One row per circle once planning has set it up: a personal circle gets its starter domains on
-- the first planning request made in it, exactly once (the insert of this row decides, under its
-- primary key, which transaction does it).
CREATE TABLE circle_setups (
    tenant_id          uuid        PRIMARY KEY,
    starter_domains_at timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_rls('circle_setups');
