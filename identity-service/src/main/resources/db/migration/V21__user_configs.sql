-- A user's settings per integration (seed 004 user_configs): a key, a JSON value, and optionally a
-- secret (an API token), encrypted at rest with the user's data key for secrets (platform
-- crypto: AES-256-GCM in the application, bound to this row; the database never sees the key or
-- the token). Rows live in the user's personal circle and are private to the user.
CREATE TABLE user_configs (
    id               uuid         PRIMARY KEY,
    tenant_id        uuid         NOT NULL,
    user_id          uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    config_key       varchar(100) NOT NULL,
    config_value     jsonb        NOT NULL DEFAULT '{}',
    -- ENCRYPTED (secret class); never filtered, sorted or indexed.
    secret_encrypted bytea,
    version          bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT user_configs_user_key UNIQUE (user_id, config_key)
);

SELECT enable_tenant_rls('user_configs', 'user_id');
