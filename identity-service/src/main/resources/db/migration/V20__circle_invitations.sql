-- Invitations: a member is added by e-mail only when the invitee accepts. The answer to the
-- inviter is the same whether or not the address belongs to a LifeOS user (no user is looked up
-- when inviting), and nobody joins a circle without saying yes.
--
-- A tenant table of the inviting circle (tenant_id), plus a second way in for the invitee: the
-- rows addressed to the transaction's verified e-mail address (app.user_email, set by the service
-- from the token's email claim when email_verified is true). The invitee is not a member of the
-- circle, so the circle's name and the inviter's name are copied at invitation time: the
-- invitee can see what they are asked to join without reading the circle.
CREATE TABLE circle_invitations (
    id              uuid PRIMARY KEY,
    tenant_id       uuid         NOT NULL REFERENCES circles (id),
    email           varchar(320) NOT NULL CHECK (email = lower(email) AND length(email) > 0),
    role            varchar(16)  NOT NULL CHECK (role IN ('admin', 'editor', 'visitor')),
    status          varchar(16)  NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'accepted', 'declined', 'revoked')),
    circle_name     varchar(100) NOT NULL,
    invited_by      uuid         NOT NULL REFERENCES users (id),
    invited_by_name varchar(200),
    invitee_id      uuid REFERENCES users (id),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL,
    responded_at    timestamptz,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    -- Who answered is known exactly when someone answered.
    CONSTRAINT circle_invitations_answered
        CHECK ((status IN ('accepted', 'declined')) = (invitee_id IS NOT NULL AND responded_at IS NOT NULL))
);
-- One open invitation per circle and address: inviting again renews it.
CREATE UNIQUE INDEX circle_invitations_one_pending ON circle_invitations (tenant_id, email) WHERE status = 'pending';
-- "My invitations" looks them up by address across circles.
CREATE INDEX circle_invitations_invitee ON circle_invitations (email, id) WHERE status = 'pending';

CREATE FUNCTION current_app_user_email() RETURNS varchar
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_email', true), '') $$;

SELECT enable_tenant_rls('circle_invitations');

-- The invitee reads and answers the invitations addressed to them, in whichever circle they were made.
CREATE POLICY invitations_to_me ON circle_invitations FOR SELECT
    USING (email = current_app_user_email());
CREATE POLICY invitations_answered_by_me ON circle_invitations FOR UPDATE
    USING (email = current_app_user_email())
    WITH CHECK (email = current_app_user_email() AND invitee_id = current_app_user_id());
