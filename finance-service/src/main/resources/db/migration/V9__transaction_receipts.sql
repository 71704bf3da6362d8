-- Receipts of transactions (seed 002 transaction_receipts): metadata only, a link to where the
-- document is kept. The ledger is partitioned on (id, occurred_on), so there is no foreign key to a
-- transaction id alone; the service checks the transaction is the circle's before it writes.
CREATE TABLE transaction_receipts (
    id             uuid          PRIMARY KEY,
    tenant_id      uuid          NOT NULL,
    transaction_id uuid          NOT NULL,
    document_url   varchar(2000) NOT NULL,
    created_by     uuid          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX idx_transaction_receipts_transaction ON transaction_receipts (tenant_id, transaction_id, created_at);
SELECT enable_tenant_rls('transaction_receipts');
