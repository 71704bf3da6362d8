-- Knowledge base and life log (seed 002 KnowledgeBaseModule, LifeLogModule).
-- notes: the circle's notes, with a generated tsvector over title (weight A) and content
-- (weight B) and a GIN index, so full-text search can rank notes next to tasks and goals
-- (query with the same 'english' configuration: websearch_to_tsquery('english', ...)).
-- note_reminders: when to be reminded of a note; written only for the future, listed when due.
-- lifelogs: journal entries of the circle's members. capsules: sealed messages that cannot be
-- read before unlock_at; unlocked_at records the first read after that.

CREATE TABLE notes (
    id         uuid         PRIMARY KEY,
    tenant_id  uuid         NOT NULL,
    owner_id   uuid         NOT NULL,
    title      varchar(255) NOT NULL,
    content    text         NOT NULL DEFAULT '',
    tags       text[]       NOT NULL DEFAULT '{}',
    search_vector tsvector  GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(content, '')), 'B')) STORED,
    version    bigint       NOT NULL DEFAULT 0,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX idx_notes_search ON notes USING gin (search_vector);
CREATE INDEX idx_notes_updated ON notes (tenant_id, updated_at, id);
CREATE INDEX idx_notes_tags ON notes USING gin (tags);
SELECT enable_tenant_rls('notes');

CREATE TABLE note_reminders (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    note_id      uuid        NOT NULL,
    remind_at    timestamptz NOT NULL,
    dismissed_at timestamptz,
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, note_id) REFERENCES notes (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_note_reminders_due ON note_reminders (tenant_id, remind_at, id) WHERE dismissed_at IS NULL;
CREATE INDEX idx_note_reminders_note ON note_reminders (tenant_id, note_id);
SELECT enable_tenant_rls('note_reminders');

CREATE TABLE lifelogs (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    author_id   uuid        NOT NULL,
    content     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX idx_lifelogs_occurred ON lifelogs (tenant_id, occurred_at, id);
SELECT enable_tenant_rls('lifelogs');

CREATE TABLE capsules (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    author_id   uuid         NOT NULL,
    title       varchar(255) NOT NULL,
    content     text         NOT NULL,
    unlock_at   timestamptz  NOT NULL,
    unlocked_at timestamptz,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (unlocked_at IS NULL OR unlocked_at >= unlock_at)
);
CREATE INDEX idx_capsules_unlock ON capsules (tenant_id, unlock_at, id);
SELECT enable_tenant_rls('capsules');
