-- Medications with adherence (seed 003), private to their owner like every health row. A dose
-- schedule is an RFC 5545 RRULE applied from start_at, a wall-clock time in time_zone; a logged
-- dose names the occurrence it answers (scheduled_for, the same wall-clock time) once.
CREATE TABLE medications (
    id            uuid         PRIMARY KEY,
    tenant_id     uuid         NOT NULL,
    owner_id      uuid         NOT NULL,
    name          varchar(255) NOT NULL,
    dosage        varchar(100),
    instructions  text,
    schedule_rule varchar(500) NOT NULL,
    start_at      timestamp    NOT NULL,
    ends_on       date,
    time_zone     varchar(64)  NOT NULL,
    active        boolean      NOT NULL DEFAULT true,
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, owner_id, id),
    CHECK (ends_on IS NULL OR ends_on >= start_at::date)
);
CREATE INDEX idx_medications_owner ON medications (tenant_id, owner_id, name, id);
SELECT enable_tenant_rls('medications', 'owner_id');
SELECT allow_circle_erasure('medications');

CREATE TABLE medication_doses (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    owner_id      uuid        NOT NULL,
    medication_id uuid        NOT NULL,
    scheduled_for timestamp   NOT NULL,
    status        varchar(10) NOT NULL CHECK (status IN ('taken', 'skipped')),
    taken_at      timestamptz,
    notes         text,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_medication_doses_occurrence UNIQUE (medication_id, scheduled_for),
    CHECK (status = 'taken' OR taken_at IS NULL),
    FOREIGN KEY (tenant_id, owner_id, medication_id) REFERENCES medications (tenant_id, owner_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_medication_doses_scheduled ON medication_doses (tenant_id, medication_id, scheduled_for);
SELECT enable_tenant_rls('medication_doses', 'owner_id');
SELECT allow_circle_erasure('medication_doses');
