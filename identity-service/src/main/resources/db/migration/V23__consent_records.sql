-- Consent records (seed 003 GDPR): what a person agreed to or withdrew, and when: a version of the
-- terms or of the privacy policy, or a partner app's scopes (recorded from Keycloak's GRANT_CONSENT
-- / UPDATE_CONSENT / REVOKE_GRANT events and from /api/v1/me/consents). Append-only: the runtime
-- role may insert and read its user's rows, never change or delete one (grants below, and a trigger
-- that refuses any UPDATE or DELETE but the erasure function's minimisation).
CREATE TABLE consent_records (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users (id),
    kind           varchar(20)  NOT NULL CHECK (kind IN ('terms', 'privacy_policy', 'partner_app')),
    -- the document's version, or the partner app's OAuth client id
    subject        varchar(255) NOT NULL CHECK (length(btrim(subject)) > 0),
    decision       varchar(10)  NOT NULL CHECK (decision IN ('granted', 'withdrawn')),
    scopes         jsonb        NOT NULL DEFAULT '[]',
    -- where the record comes from: api (the person through a LifeOS app), keycloak (its consent screen or account console)
    source         varchar(20)  NOT NULL CHECK (source IN ('api', 'keycloak')),
    client_address varchar(64),
    recorded_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX consent_records_user ON consent_records (user_id, id);

ALTER TABLE consent_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_records FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON consent_records USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());

REVOKE ALL ON consent_records FROM ${app_role};
GRANT SELECT, INSERT ON consent_records TO ${app_role};

CREATE FUNCTION consent_records_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.client_address IS NULL
       AND (to_jsonb(NEW) - 'client_address') = (to_jsonb(OLD) - 'client_address') THEN
        RETURN NEW; -- erasure's minimisation: only the address goes
    END IF;
    RAISE EXCEPTION 'consent_records is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
    FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();

-- Account deletion (V14's erasure_service_rows, the same function with two steps added): the
-- account's personal access tokens (V22) go with its other credentials (a deleted account's tokens
-- are refused from the deletion on by api_key_by_hash); its consent records are kept, as the
-- security ledger is, minimised: what was agreed to and when stays (the proof of a past lawful
-- basis), the client address goes.
CREATE OR REPLACE FUNCTION erasure_service_rows(scope text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    target        uuid := current_app_user_id();
    changed       bigint := 0;
    n             bigint;
    account_table text;
BEGIN
    IF target IS NULL OR NOT EXISTS (SELECT 1 FROM users WHERE id = target AND deleted_at IS NOT NULL) THEN
        RAISE EXCEPTION 'erasure_service_rows: % is not an account being deleted', target;
    END IF;
    changed := audit_minimise(CASE WHEN scope = 'circle' THEN NULL ELSE target END);
    FOREACH account_table IN ARRAY ARRAY['sudo_sessions', 'recovery_keys', 'user_account_security_state'] LOOP
        EXECUTE format('DELETE FROM %I WHERE user_id = $1', account_table) USING target;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    END LOOP;
    DELETE FROM api_keys WHERE owner_id = target;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    UPDATE consent_records SET client_address = NULL WHERE user_id = target AND client_address IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    UPDATE security_events SET details = '{}'::jsonb WHERE user_id = target AND details <> '{}'::jsonb;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END
$$;
