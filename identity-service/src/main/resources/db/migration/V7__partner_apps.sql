-- Partner apps (seed 003 Integrations): OAuth clients a user registered, each a confidential
-- Keycloak client (keycloak_id: Keycloak's internal id; client_id: the OAuth client id). The
-- secret lives in Keycloak only. An app belongs to the user who registered it: no tenant_id;
-- forced row-level security shows a user their own apps only. The user's consents to apps live
-- in Keycloak and are read from there.

CREATE TABLE partner_apps (
    id                uuid         PRIMARY KEY,
    owner_id          uuid         NOT NULL REFERENCES users (id),
    name              varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    client_id         varchar(255) NOT NULL UNIQUE,
    keycloak_id       varchar(64)  NOT NULL UNIQUE,
    redirect_uris     jsonb        NOT NULL,
    scopes            jsonb        NOT NULL,
    secret_rotated_at timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX partner_apps_owner ON partner_apps (owner_id, id);

ALTER TABLE partner_apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_apps FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON partner_apps USING (owner_id = current_app_user_id())
    WITH CHECK (owner_id = current_app_user_id());
