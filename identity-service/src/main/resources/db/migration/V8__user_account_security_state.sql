-- The lockout mirror: Keycloak is the authority on brute-force lockout; this row mirrors its state
-- per user (seed 002 user_account_security_state), kept from Keycloak's events (topic
-- keycloak.event) and confirmed against Keycloak's brute-force endpoint. Like security_events it
-- belongs to a person, not a circle: row-level security shows a user their own row only, and the
-- consumer that writes it sets app.user_id to the event's user for its transaction.

CREATE TABLE user_account_security_state (
    user_id            uuid        PRIMARY KEY REFERENCES users (id),
    failed_attempts    integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    cooldown_until     timestamptz,
    permanently_locked boolean     NOT NULL DEFAULT false,
    last_failed_at     timestamptz,
    -- When the current lock began (null when not locked), for the operator's view.
    locked_at          timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE user_account_security_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_account_security_state FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON user_account_security_state USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());

REVOKE DELETE, TRUNCATE ON user_account_security_state FROM ${app_role};

-- Newest first, page by page: (user_id, created_at, id) is the keyset of GET /api/v1/me/security-events.
CREATE INDEX security_events_user_newest ON security_events (user_id, created_at DESC, id DESC);
DROP INDEX security_events_user_created;
