-- Kanban boards (seed 004): a board owns ordered columns; tasks sit in a column at a position
-- (DOMAIN.md: the task row carries its board column and position, so a task is on one board at
-- most). Positions are 0-based and dense within a board (columns) and a column (tasks): the
-- service renumbers them under a row lock on the board, and the unique constraints, checked at
-- commit, make a duplicate impossible even if a bug tried one.

CREATE TABLE kanban_boards (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    name        varchar(255) NOT NULL,
    description text,
    version     bigint       NOT NULL DEFAULT 0,
    created_by  uuid         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
SELECT enable_tenant_rls('kanban_boards');

CREATE TABLE kanban_columns (
    id         uuid         PRIMARY KEY,
    tenant_id  uuid         NOT NULL,
    board_id   uuid         NOT NULL,
    title      varchar(100) NOT NULL,
    color      varchar(7)   NOT NULL DEFAULT '#53B4FF' CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
    position   integer      NOT NULL CHECK (position >= 0),
    version    bigint       NOT NULL DEFAULT 0,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CONSTRAINT kanban_columns_position_unique UNIQUE (tenant_id, board_id, position) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, board_id) REFERENCES kanban_boards (tenant_id, id) ON DELETE CASCADE
);
SELECT enable_tenant_rls('kanban_columns');

ALTER TABLE tasks ADD COLUMN column_id uuid;
ALTER TABLE tasks ADD COLUMN board_position integer CHECK (board_position >= 0);
ALTER TABLE tasks ADD CONSTRAINT tasks_board_place CHECK ((column_id IS NULL) = (board_position IS NULL));
ALTER TABLE tasks ADD FOREIGN KEY (tenant_id, column_id) REFERENCES kanban_columns (tenant_id, id);
ALTER TABLE tasks ADD CONSTRAINT tasks_board_position_unique UNIQUE (tenant_id, column_id, board_position)
    DEFERRABLE INITIALLY DEFERRED;
