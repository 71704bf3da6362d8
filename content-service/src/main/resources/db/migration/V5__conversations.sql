-- Assistant conversations (seed 000 chat entities). A conversation is its author's own: row-level
-- security keeps it to the circle AND the user who started it (other members never see it).
CREATE TABLE conversations (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    created_by   uuid         NOT NULL,
    title        varchar(255),
    model        varchar(50),
    is_voice     boolean      NOT NULL DEFAULT false,
    started_at   timestamptz  NOT NULL DEFAULT now(),
    archived_at  timestamptz,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX idx_conversations_started_at ON conversations (tenant_id, created_by, started_at DESC, id DESC);
CREATE INDEX idx_conversations_archived_at ON conversations (tenant_id, archived_at);
SELECT enable_tenant_rls('conversations', 'created_by');

-- Messages branch: parent_id names the message answered, which must be of the same conversation
-- (the composite foreign key makes another conversation's message impossible, not only refused).
CREATE TABLE messages (
    id               uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    created_by       uuid          NOT NULL,
    conversation_id  uuid          NOT NULL,
    parent_id        uuid,
    role             varchar(10)   NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content          text          NOT NULL,
    model            varchar(50),
    token_count      integer       CHECK (token_count >= 0),
    duration_ms      integer       CHECK (duration_ms >= 0),
    metadata         jsonb         NOT NULL DEFAULT '{}',
    created_at       timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, conversation_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, conversation_id, parent_id) REFERENCES messages (tenant_id, conversation_id, id)
        ON DELETE CASCADE
);
CREATE INDEX idx_messages_conversation_created ON messages (tenant_id, conversation_id, created_at, id);
CREATE INDEX idx_messages_parent_id ON messages (tenant_id, parent_id);
SELECT enable_tenant_rls('messages', 'created_by');
