-- Imports (CSV): a row that came from an import carries its dedupe hash, sha256 of (account, date,
-- amount, payee, n) where n counts identical rows within the file, so re-importing a file adds
-- nothing while two identical purchases in one file both stay. Unique per account; the partition
-- key is part of the key, as a unique index on a partitioned table needs (the date is in the hash).
ALTER TABLE transactions ADD COLUMN import_hash char(64);
CREATE UNIQUE INDEX idx_transactions_import_hash ON transactions (tenant_id, account_id, import_hash, occurred_on)
    WHERE import_hash IS NOT NULL;
