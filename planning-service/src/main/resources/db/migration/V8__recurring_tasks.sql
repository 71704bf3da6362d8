-- Recurring tasks (seed 000 tasks.recurrence_rule, an RFC 5545 RRULE). Each occurrence is its own
-- row; completing one creates the next, so history stays as it happened. DTSTART is the
-- occurrence's scheduled (else due) date and time, in time_zone; series_start is the first
-- occurrence's DTSTART as local wall time, from which an on-schedule rule is enumerated.

ALTER TABLE tasks
    ADD COLUMN recurrence_rule        varchar(255),
    ADD COLUMN recurrence_exdates     date[]      NOT NULL DEFAULT '{}',
    ADD COLUMN repeat_from_completion boolean     NOT NULL DEFAULT false,
    ADD COLUMN time_zone              varchar(64),
    ADD COLUMN series_id              uuid,
    ADD COLUMN series_start           timestamp,
    ADD COLUMN occurrence_index       integer     NOT NULL DEFAULT 1 CHECK (occurrence_index >= 1),
    ADD COLUMN next_occurrence_id     uuid,
    ADD CONSTRAINT tasks_recurrence_complete CHECK (recurrence_rule IS NULL
        OR (time_zone IS NOT NULL AND series_id IS NOT NULL AND series_start IS NOT NULL)),
    ADD FOREIGN KEY (tenant_id, series_id) REFERENCES tasks (tenant_id, id),
    ADD FOREIGN KEY (tenant_id, next_occurrence_id) REFERENCES tasks (tenant_id, id);
CREATE INDEX idx_tasks_series_id ON tasks (tenant_id, series_id, occurrence_index) WHERE series_id IS NOT NULL;
