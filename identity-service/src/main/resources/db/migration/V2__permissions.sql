-- Permissions: role x resource x action -> allowed. Defaults are global and live in a table of
-- their own (no tenant, read-only for the runtime role); each circle may override them in
-- permission_policies (a tenant table under RLS). Every change of an override is logged in
-- permission_logs. Resolution, most specific first: the circle's rule for the resource, the
-- circle's rule for '*', the default for the resource, the default for '*'; nothing found means
-- not allowed. The owner may always do everything in their circle and cannot be overridden.

CREATE TABLE permission_defaults (
    role       varchar(16) NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'visitor')),
    resource   varchar(64) NOT NULL CHECK (resource ~ '^([a-z][a-z0-9_-]{0,63}|\*)$'),
    action     varchar(16) NOT NULL CHECK (action IN ('read', 'write', 'delete', 'manage')),
    allowed    boolean     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role, resource, action)
);
-- Defaults change only through migrations.
REVOKE INSERT, UPDATE, DELETE ON permission_defaults FROM ${app_role};

-- '*' covers every resource of every service (tasks, transactions, ...) unless a row names it.
INSERT INTO permission_defaults (role, resource, action, allowed)
SELECT rule.role, rule.resource, act.action, act.action = ANY (rule.allowed)
FROM (VALUES
          ('owner',   '*',        ARRAY ['read', 'write', 'delete', 'manage']),
          ('admin',   '*',        ARRAY ['read', 'write', 'delete', 'manage']),
          ('editor',  '*',        ARRAY ['read', 'write', 'delete']),
          ('visitor', '*',        ARRAY ['read']),
          -- the circle itself: admins rename it; only the owner dissolves or hands it over
          ('owner',   'circles',  ARRAY ['read', 'write', 'delete', 'manage']),
          ('admin',   'circles',  ARRAY ['read', 'write']),
          ('editor',  'circles',  ARRAY ['read']),
          ('visitor', 'circles',  ARRAY ['read']),
          -- its members: admins add, change and remove them; everyone sees who is in
          ('owner',   'members',  ARRAY ['read', 'write', 'delete', 'manage']),
          ('admin',   'members',  ARRAY ['read', 'write', 'delete']),
          ('editor',  'members',  ARRAY ['read']),
          ('visitor', 'members',  ARRAY ['read']),
          -- its policies: owners and admins override them; everyone may see what applies
          ('owner',   'policies', ARRAY ['read', 'write', 'delete', 'manage']),
          ('admin',   'policies', ARRAY ['read', 'manage']),
          ('editor',  'policies', ARRAY ['read']),
          ('visitor', 'policies', ARRAY ['read'])
     ) AS rule(role, resource, allowed)
CROSS JOIN (VALUES ('read'), ('write'), ('delete'), ('manage')) AS act(action);

-- A circle's overrides. The owner's rights are not overridable, so no owner rows.
CREATE TABLE permission_policies (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES circles (id),
    role       varchar(16) NOT NULL CHECK (role IN ('admin', 'editor', 'visitor')),
    resource   varchar(64) NOT NULL CHECK (resource ~ '^([a-z][a-z0-9_-]{0,63}|\*)$'),
    action     varchar(16) NOT NULL CHECK (action IN ('read', 'write', 'delete', 'manage')),
    allowed    boolean     NOT NULL,
    created_by uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT permission_policies_rule UNIQUE (tenant_id, role, resource, action)
);

-- Every change of an override: old and new value ({"allowed": ...}, null when absent). Kept when
-- the override itself is removed, so the rule is repeated here and policy_id is no foreign key.
-- changed_by is the seed's name for the acting user; created_by is the same user, as in every
-- tenant table.
CREATE TABLE permission_logs (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES circles (id),
    policy_id  uuid        NOT NULL,
    role       varchar(16) NOT NULL,
    resource   varchar(64) NOT NULL,
    action     varchar(16) NOT NULL,
    old_value  jsonb,
    new_value  jsonb,
    changed_by uuid        NOT NULL REFERENCES users (id),
    created_by uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT permission_logs_changed CHECK (old_value IS NOT NULL OR new_value IS NOT NULL)
);
CREATE INDEX permission_logs_tenant_created ON permission_logs (tenant_id, created_at);
REVOKE UPDATE, DELETE ON permission_logs FROM ${app_role};

SELECT enable_tenant_rls('permission_policies');
SELECT enable_tenant_rls('permission_logs');
