-- Personal access tokens (issue 18): a user's own long-lived tokens for scripts, scoped like a
-- partner app. Only the SHA-256 of the token is kept (token_hash): the token is 256 random bits,
-- so a fast hash is as good as a slow one against guessing and lets a request be resolved with one
-- indexed lookup. A key belongs to its user, not a circle: no tenant_id; forced row-level security
-- shows a user their own keys only. Rows are never deleted by the runtime role and their hash,
-- scopes and expiry never change: it may only record use and revoke.
CREATE TABLE api_keys (
    id            uuid         PRIMARY KEY,
    owner_id      uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    -- the token's first characters (lopat_ and 6 more), to tell keys apart in a list
    token_prefix  varchar(16)  NOT NULL,
    token_hash    bytea        NOT NULL UNIQUE,
    scopes        jsonb        NOT NULL,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    last_used_ip  varchar(64),
    revoked_at    timestamptz,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_owner ON api_keys (owner_id, id);

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON api_keys USING (owner_id = current_app_user_id())
    WITH CHECK (owner_id = current_app_user_id());

-- The owner (the functions below) resolves a token and records its use before anyone is known.
CREATE POLICY api_keys_resolve ON api_keys FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY api_keys_record_use ON api_keys FOR UPDATE TO CURRENT_USER USING (true);

REVOKE UPDATE, DELETE, TRUNCATE ON api_keys FROM ${app_role};
GRANT UPDATE (last_used_at, last_used_ip, revoked_at) ON api_keys TO ${app_role};

-- Resolving a token happens before anyone is known (the token is the credential): the owner's
-- function finds the one row with this hash, whoever owns it, and says nothing about any other.
CREATE FUNCTION api_key_by_hash(hash bytea)
    RETURNS TABLE (id uuid, owner_id uuid, scopes jsonb, expires_at timestamptz, revoked_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    SELECT k.id, k.owner_id, k.scopes, k.expires_at, k.revoked_at
    FROM api_keys k JOIN users u ON u.id = k.owner_id
    WHERE k.token_hash = hash AND u.deleted_at IS NULL
$$;
REVOKE ALL ON FUNCTION api_key_by_hash(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_by_hash(bytea) TO ${app_role};

-- Records a use (at most once a minute per key, decided by the caller), again before the owner is known.
CREATE FUNCTION api_key_used(key uuid, address varchar)
    RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    UPDATE api_keys SET last_used_at = now(), last_used_ip = left(address, 64) WHERE id = key AND revoked_at IS NULL
$$;
REVOKE ALL ON FUNCTION api_key_used(uuid, varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_used(uuid, varchar) TO ${app_role};

