-- A posted transaction's payee, memo, category and tags may be changed (PATCH); each change is a
-- transaction_logs row (status stays posted) whose `changes` holds every changed field's old and new
-- value, {"payee": {"from": "A", "to": "B"}}. Amount, account, direction, currency and date never
-- change: void the row and post a new one.
ALTER TABLE transaction_logs ADD COLUMN changes jsonb;
