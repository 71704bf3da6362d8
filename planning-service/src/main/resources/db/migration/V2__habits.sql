-- Habits and their check-ins (seed 000). A check-in is one habit's record for one day, that day
-- being the checking user's local date; at most one per habit per day. Streaks are derived from
-- the check-ins by the service (StreakCalculator) and stored for reading, never written by clients.

CREATE TABLE habits (
    id                uuid         PRIMARY KEY,
    tenant_id         uuid         NOT NULL,
    domain_id         uuid         NOT NULL,
    name              varchar(255) NOT NULL,
    description       text,
    frequency         varchar(20)  NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'weekly', 'custom')),
    frequency_config  jsonb        NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(frequency_config) = 'object'),
    time_of_day       varchar(20)  NOT NULL DEFAULT 'anytime'
        CHECK (time_of_day IN ('morning', 'afternoon', 'evening', 'anytime')),
    estimated_minutes integer      CHECK (estimated_minutes BETWEEN 0 AND 1440),
    is_active         boolean      NOT NULL DEFAULT true,
    streak_current    integer      NOT NULL DEFAULT 0 CHECK (streak_current >= 0),
    streak_best       integer      NOT NULL DEFAULT 0 CHECK (streak_best >= streak_current),
    version           bigint       NOT NULL DEFAULT 0,
    created_by        uuid         NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id)
);
CREATE INDEX idx_habits_domain_id ON habits (tenant_id, domain_id);
CREATE INDEX idx_habits_is_active ON habits (tenant_id, is_active);
CREATE INDEX idx_habits_frequency ON habits (tenant_id, frequency);
CREATE INDEX idx_habits_time_of_day ON habits (tenant_id, time_of_day);
SELECT enable_tenant_rls('habits');

CREATE TABLE habit_check_ins (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    habit_id       uuid        NOT NULL,
    user_id        uuid        NOT NULL,
    date           date        NOT NULL,
    status         varchar(10) NOT NULL CHECK (status IN ('done', 'skipped', 'partial')),
    quality_rating integer     CHECK (quality_rating BETWEEN 1 AND 5),
    notes          text,
    completed_at   timestamptz,
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, habit_id) REFERENCES habits (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX idx_habit_check_ins_habit_date ON habit_check_ins (tenant_id, habit_id, date);
CREATE INDEX idx_habit_check_ins_date ON habit_check_ins (tenant_id, date);
CREATE INDEX idx_habit_check_ins_status ON habit_check_ins (tenant_id, status);
CREATE INDEX idx_habit_check_ins_user_date ON habit_check_ins (tenant_id, user_id, date);
SELECT enable_tenant_rls('habit_check_ins');
