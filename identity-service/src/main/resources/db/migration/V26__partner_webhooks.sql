-- Webhooks made by partner apps (issue 18): a partner app holding the user's consent to
-- `webhooks:manage` subscribes its own URL, within the scopes the user granted it. client_id names
-- the app that made a subscription (NULL: the user, through LifeOS's own apps); an app sees and
-- manages only its own, the user sees all of theirs. A subscription lives no longer than the
-- consent it was made under: withdrawing the consent (LifeOS's API or Keycloak's account console)
-- or deleting the app ends every subscription it made, in every circle.
ALTER TABLE webhook_subscriptions ADD COLUMN client_id varchar(255);
CREATE INDEX webhook_subscriptions_client ON webhook_subscriptions (client_id, owner_id) WHERE client_id IS NOT NULL;

-- The owner (the functions below) reaches every circle's subscriptions; each function names whose.
CREATE POLICY webhook_subscriptions_end_select ON webhook_subscriptions FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY webhook_subscriptions_end_delete ON webhook_subscriptions FOR DELETE TO CURRENT_USER USING (true);

-- The transaction's user withdrew their consent to `client`: the app's subscriptions of theirs go,
-- in every circle (their deliveries with them). Only ever the transaction's own user's.
CREATE FUNCTION webhook_end_consented(client varchar) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    n bigint;
BEGIN
    IF current_app_user_id() IS NULL THEN
        RAISE EXCEPTION 'webhook_end_consented: no current user';
    END IF;
    DELETE FROM webhook_subscriptions WHERE client_id = client AND owner_id = current_app_user_id();
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION webhook_end_consented(varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_end_consented(varchar) TO ${app_role};

-- The transaction's user deletes their partner app `app`: every subscription the app made, for
-- whichever user, goes with it (the users' consents go with the Keycloak client). Only for an app
-- of the transaction's own user.
CREATE FUNCTION webhook_end_partner_app(app uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    client varchar;
    n      bigint;
BEGIN
    SELECT p.client_id INTO client FROM partner_apps p WHERE p.id = app AND p.owner_id = current_app_user_id();
    IF client IS NULL THEN
        RAISE EXCEPTION 'webhook_end_partner_app: % is not an app of the current user', app;
    END IF;
    DELETE FROM webhook_subscriptions WHERE client_id = client;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION webhook_end_partner_app(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_end_partner_app(uuid) TO ${app_role};

-- Account deletion (V23's erasure_service_rows, the same function with one step added): the
-- account's webhook subscriptions in the circle being erased go, with their deliveries. Scope
-- circle deletes them with the circle's rows already; scope member needs this, as the generic rule
-- only follows user_id columns.
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
    DELETE FROM webhook_subscriptions WHERE owner_id = target AND tenant_id = current_tenant_id();
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    UPDATE consent_records SET client_address = NULL WHERE user_id = target AND client_address IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    UPDATE security_events SET details = '{}'::jsonb WHERE user_id = target AND details <> '{}'::jsonb;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END
$$;
