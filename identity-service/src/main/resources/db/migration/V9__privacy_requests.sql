-- Account deletion (GDPR erasure): the request, its steps across Keycloak and every service that
-- holds data, and the erasure of identity-service's own rows of the user.

-- A deleted user stays as a tombstone: the id only (circles, members' history and the audit log
-- point at it), no name, address or preferences. Access checks refuse a tombstoned user.
ALTER TABLE users ADD COLUMN deleted_at timestamptz;

-- A personal circle ends with its user's account (and only then: the service dissolves a
-- personal circle on no other path).
ALTER TABLE circles DROP CONSTRAINT circles_personal_stays_active;

CREATE TABLE privacy_requests (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id),
    kind         varchar(16) NOT NULL CHECK (kind IN ('erasure')),
    status       varchar(16) NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
    requested_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    CONSTRAINT privacy_requests_completed_when CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
-- One erasure per account.
CREATE UNIQUE INDEX privacy_requests_one_erasure ON privacy_requests (user_id) WHERE kind = 'erasure';

-- What each participant still has to do: 'keycloak' (the account, its sessions and the user's
-- partner clients) once per request, and each data-holding service once per circle.
CREATE TABLE privacy_request_steps (
    id          uuid         PRIMARY KEY,
    request_id  uuid         NOT NULL REFERENCES privacy_requests (id),
    user_id     uuid         NOT NULL REFERENCES users (id),
    participant varchar(64)  NOT NULL,
    circle_id   uuid,
    scope       varchar(16)  CHECK (scope IN ('circle', 'member')),
    status      varchar(16)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
    attempts    integer      NOT NULL DEFAULT 0,
    last_error  varchar(500),
    rows_erased bigint,
    done_at     timestamptz,
    CONSTRAINT privacy_request_steps_done_when CHECK ((status = 'done') = (done_at IS NOT NULL)),
    CONSTRAINT privacy_request_steps_once UNIQUE NULLS NOT DISTINCT (request_id, participant, circle_id)
);
CREATE INDEX privacy_request_steps_pending ON privacy_request_steps (participant) WHERE status = 'pending';

ALTER TABLE privacy_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE privacy_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON privacy_requests USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());
ALTER TABLE privacy_request_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE privacy_request_steps FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON privacy_request_steps USING (user_id = current_app_user_id())
    WITH CHECK (user_id = current_app_user_id());
REVOKE DELETE, TRUNCATE ON privacy_requests, privacy_request_steps FROM ${app_role};

-- The retry job needs to know whose requests wait on Keycloak before it can act as that user;
-- it learns the ids and nothing else, through a function of the migration role, which row-level
-- security (forced) lets see exactly those steps.
CREATE POLICY keycloak_retry ON privacy_request_steps FOR SELECT TO CURRENT_USER
    USING (participant = 'keycloak' AND status = 'pending');
CREATE FUNCTION privacy_keycloak_steps_pending(max_rows int) RETURNS TABLE (request_id uuid, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    SELECT s.request_id, s.user_id FROM privacy_request_steps s
    WHERE s.participant = 'keycloak' AND s.status = 'pending'
    ORDER BY s.id LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION privacy_keycloak_steps_pending(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION privacy_keycloak_steps_pending(int) TO ${app_role};

-- Erases identity-service's personal data of the transaction's user (app.user_id) and leaves the
-- tombstone: the security ledger, sudo windows, recovery keys and lockout mirror go, which the
-- runtime role may not delete (they are append-only for it). Memberships, circles and partner
-- apps are the service's to handle first; the audit log and circle history keep the bare id.
CREATE FUNCTION erase_account_rows(target uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    erased bigint := 0;
    n bigint;
BEGIN
    IF target IS NULL OR target IS DISTINCT FROM current_app_user_id() THEN
        RAISE EXCEPTION 'erase_account_rows: only the transaction''s own user can be erased';
    END IF;
    DELETE FROM security_events WHERE user_id = target;
    GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
    DELETE FROM sudo_sessions WHERE user_id = target;
    GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
    DELETE FROM recovery_keys WHERE user_id = target;
    GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
    DELETE FROM user_account_security_state WHERE user_id = target;
    GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
    UPDATE users SET email = NULL, username = NULL, display_name = NULL, avatar_url = NULL,
                     timezone = 'UTC', preferences = '{}'::jsonb, deleted_at = now(), updated_at = now()
    WHERE id = target AND deleted_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT; erased := erased + n;
    RETURN erased;
END
$$;
REVOKE ALL ON FUNCTION erase_account_rows(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_account_rows(uuid) TO ${app_role};
