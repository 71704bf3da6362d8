-- Billable entries fed from planning's BillableMinutes (gRPC) on request: one billable_syncs row per
-- period synced, and the entries it made point at it. A period that overlaps one already synced
-- is refused (the service checks under a per-circle advisory lock), so no minute is billed twice.
CREATE TABLE billable_syncs (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL,
    period_from date          NOT NULL,
    period_to   date          NOT NULL,
    rate        numeric(10,2) NOT NULL CHECK (rate >= 0),
    currency    char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CHECK (period_to >= period_from),
    UNIQUE (tenant_id, id)
);
CREATE INDEX idx_billable_syncs_period ON billable_syncs (tenant_id, period_from, period_to);
SELECT enable_tenant_rls('billable_syncs');

ALTER TABLE billable_entries ADD COLUMN sync_id uuid;
ALTER TABLE billable_entries ADD FOREIGN KEY (tenant_id, sync_id) REFERENCES billable_syncs (tenant_id, id);
CREATE INDEX idx_billable_entries_sync ON billable_entries (tenant_id, sync_id) WHERE sync_id IS NOT NULL;
