-- identity-service: users, circles (the tenants), their members and the circles' own history.
-- Runs as the migration role after the platform migration (db/platform), which provides
-- current_tenant_id(), current_app_user_id() and enable_tenant_rls(). ${app_role} is the runtime role.

-- The application's side of a Keycloak user; id = the token subject. Not a tenant table: a user
-- exists once, across every circle they belong to. Created on the user's first authenticated
-- request, together with their personal circle (see personal_circle_id).
CREATE TABLE users (
    id                 uuid PRIMARY KEY,
    email              varchar(320),
    username           varchar(255),
    display_name       varchar(200),
    avatar_url         varchar(2000),
    timezone           varchar(64)  NOT NULL DEFAULT 'UTC',
    preferences        jsonb        NOT NULL DEFAULT '{}'::jsonb,
    personal_circle_id uuid         NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now()
);
-- Unique as in the seed; compared case-insensitively, as Keycloak does.
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE UNIQUE INDEX users_username ON users (lower(username));
-- One personal circle per user, and a circle is the personal circle of one user at most.
CREATE UNIQUE INDEX users_personal_circle ON users (personal_circle_id);

-- The tenant. Its tenant_id is its own id, so the one RLS rule of every tenant table applies.
CREATE TABLE circles (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('personal', 'shared')),
    status       varchar(16)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
    name         varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    owner_id     uuid         NOT NULL REFERENCES users (id),
    dissolved_at timestamptz,
    created_by   uuid         NOT NULL REFERENCES users (id),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT circles_tenant_is_self CHECK (tenant_id = id),
    CONSTRAINT circles_dissolved_when CHECK ((status = 'dissolved') = (dissolved_at IS NOT NULL)),
    CONSTRAINT circles_personal_stays_active CHECK (kind = 'shared' OR status = 'active')
);
-- The database, not the code, guarantees one personal circle per user, even under concurrent
-- first requests.
CREATE UNIQUE INDEX circles_one_personal_per_user ON circles (owner_id) WHERE kind = 'personal';

-- users and circles point at each other; the user row is written first, so this check waits for
-- the end of the transaction.
ALTER TABLE users ADD CONSTRAINT users_personal_circle_fk
    FOREIGN KEY (personal_circle_id) REFERENCES circles (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE circle_members (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES circles (id),
    user_id    uuid        NOT NULL REFERENCES users (id),
    role       varchar(16) NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'visitor')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    created_by uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT circle_members_once UNIQUE (tenant_id, user_id)
);
-- At most one owner per circle; the service keeps it at least one (the owner can neither leave
-- nor be removed or demoted, only hand over with transfer-ownership).
CREATE UNIQUE INDEX circle_members_one_owner ON circle_members (tenant_id) WHERE role = 'owner';
-- "My circles" looks memberships up by user across circles, so here the user comes first.
CREATE INDEX circle_members_user ON circle_members (user_id, tenant_id);

-- What happened to a circle: append-only.
CREATE TABLE circle_events (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES circles (id),
    type       varchar(32) NOT NULL CHECK (type IN ('created', 'renamed', 'dissolved', 'owner_transferred',
                                                     'member_added', 'member_removed', 'member_left',
                                                     'role_changed')),
    payload    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_by uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX circle_events_tenant_created ON circle_events (tenant_id, created_at);
REVOKE UPDATE, DELETE ON circle_events FROM ${app_role};

-- Row-level security. Every tenant table: tenant_id = current_tenant_id(), forced.
SELECT enable_tenant_rls('circles');
SELECT enable_tenant_rls('circle_members');
SELECT enable_tenant_rls('circle_events');

-- A user may also read their own memberships in every circle (to list "my circles" and to find
-- their role), never anyone else's outside the current circle. Read-only: changing a membership
-- still needs the circle as the tenant.
CREATE POLICY own_memberships ON circle_members FOR SELECT
    USING (user_id = current_app_user_id());

-- A circle is readable by its members from any tenant (for the same list); again read-only.
CREATE POLICY circles_of_my_memberships ON circles FOR SELECT
    USING (EXISTS (SELECT 1 FROM circle_members m
                   WHERE m.tenant_id = circles.id AND m.user_id = current_app_user_id()));
