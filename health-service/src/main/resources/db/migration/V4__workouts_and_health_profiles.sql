-- Workouts (seed 001) and health profiles (seed 003), private to their owner like every health row.

CREATE TABLE workouts (
    id               uuid         PRIMARY KEY,
    tenant_id        uuid         NOT NULL,
    owner_id         uuid         NOT NULL,
    date             date         NOT NULL,
    type             varchar(20)  NOT NULL
        CHECK (type IN ('strength', 'cardio', 'run', 'walk', 'cycle', 'swim', 'yoga', 'sport', 'other')),
    title            varchar(255),
    duration_minutes integer      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    intensity        varchar(10)  CHECK (intensity IN ('low', 'moderate', 'high')),
    distance_km      numeric(8,2) CHECK (distance_km >= 0),
    calories         integer      CHECK (calories >= 0),
    notes            text,
    version          bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_workouts_owner_date ON workouts (tenant_id, owner_id, date DESC, id DESC);
SELECT enable_tenant_rls('workouts', 'owner_id');
SELECT allow_circle_erasure('workouts');

-- One profile per member per circle; allergies and conditions sealed with the member's private
-- PHI key (never filtered, sorted or indexed in SQL).
CREATE TABLE health_profiles (
    id                   uuid        PRIMARY KEY,
    tenant_id            uuid        NOT NULL,
    owner_id             uuid        NOT NULL,
    allergies_encrypted  bytea,
    conditions_encrypted bytea,
    version              bigint      NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_health_profiles_owner UNIQUE (tenant_id, owner_id)
);
SELECT enable_tenant_rls('health_profiles', 'owner_id');
SELECT allow_circle_erasure('health_profiles');
