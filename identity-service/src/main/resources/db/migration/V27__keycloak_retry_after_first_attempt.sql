-- The Keycloak step of a deletion is first tried by the request that deleted the account, right
-- after its commit. The retry job took every pending step at once, so a tick landing in that
-- moment raced the first attempt: two deletions of one Keycloak user at the same time, one of
-- which could fail and answer the user "pending" for a step that was being done. The retry now
-- takes a step only after its first attempt failed (attempts > 0), or when the step has waited
-- longer than the grace a first attempt gets (the service stopped between commit and attempt).
-- Fewest attempts first: steps that keep failing (a user Keycloak cannot delete) sink below newer
-- ones instead of filling every batch ahead of them.
ALTER TABLE privacy_request_steps ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

DROP FUNCTION privacy_keycloak_steps_pending(int);
CREATE FUNCTION privacy_keycloak_steps_pending(max_rows int, grace_seconds double precision)
    RETURNS TABLE (request_id uuid, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    SELECT s.request_id, s.user_id FROM privacy_request_steps s
    WHERE s.participant = 'keycloak' AND s.status = 'pending'
      AND (s.attempts > 0 OR s.created_at < now() - make_interval(secs => grace_seconds))
    ORDER BY s.attempts, s.id LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION privacy_keycloak_steps_pending(int, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION privacy_keycloak_steps_pending(int, double precision) TO ${app_role};
