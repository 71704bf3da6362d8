-- Every identity-service replica caches active personal access tokens (ApiKeyResolution). A token
-- revoked or deleted through one replica must stop working on all of them on the next request, not
-- when their caches expire: PostgreSQL tells every listening replica at commit, and only then
-- (ApiKeyRevocations evicts the key). A rolled-back revocation tells nobody.
CREATE FUNCTION api_keys_notify_ended() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('lifeos_api_key_ended', OLD.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_revoked
    AFTER UPDATE OF revoked_at ON api_keys
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION api_keys_notify_ended();

CREATE TRIGGER api_keys_deleted
    AFTER DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION api_keys_notify_ended();
