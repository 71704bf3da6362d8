-- Sudo mode (RFC 9470 step-up): a dangerous action needs a token whose auth_time is under five
-- minutes old. sudo_sessions records each such window (one row per user and authentication);
-- security_events records SUDO_MODE_ENABLED (and, later, Keycloak's login events). Both belong to
-- a person, not a circle: no tenant_id; row-level security shows a user their own rows only.
-- Append-only for the runtime role.

CREATE TABLE sudo_sessions (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    auth_time  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    client_id  varchar(255),
    action     varchar(64) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sudo_sessions_window UNIQUE (user_id, auth_time),
    CONSTRAINT sudo_sessions_expiry CHECK (expires_at > auth_time)
);

CREATE TABLE security_events (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    type       varchar(64) NOT NULL CHECK (type ~ '^[A-Z][A-Z0-9_]*$'),
    details    jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_events_user_created ON security_events (user_id, created_at);

ALTER TABLE sudo_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sudo_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON sudo_sessions USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());
ALTER TABLE security_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_events FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON security_events USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());

REVOKE UPDATE, DELETE, TRUNCATE ON sudo_sessions, security_events FROM ${app_role};
