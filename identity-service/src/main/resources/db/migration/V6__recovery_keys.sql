-- Recovery keys (seed 002 RecoveryModule): ten one-time keys per set, shown once, stored only as
-- argon2id hashes. A key is used at most once (used_at); regenerating revokes the unused rest of
-- the old set (revoked_at). Rows are never deleted and their hashes never change: the runtime role
-- may only set used_at and revoked_at. A key belongs to a person, not a circle: no tenant_id;
-- forced row-level security shows a user their own keys only (the unauthenticated recovery path
-- sets app.user_id to the account it checks, in its own transaction).

CREATE TABLE recovery_keys (
    id         uuid         PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES users (id),
    key_hash   varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    used_at    timestamptz,
    revoked_at timestamptz,
    CONSTRAINT recovery_keys_used_or_revoked CHECK (used_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX recovery_keys_usable ON recovery_keys (user_id) WHERE used_at IS NULL AND revoked_at IS NULL;

ALTER TABLE recovery_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON recovery_keys USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());

REVOKE UPDATE, DELETE, TRUNCATE ON recovery_keys FROM ${app_role};
GRANT UPDATE (used_at, revoked_at) ON recovery_keys TO ${app_role};
