-- Daily summaries of wearable samples (issue 16): per owner, day in the member's time zone and
-- metric, the min, max, sum and count of the samples stored (avg = sum / count on read). Ingest
-- keeps them up to date incrementally: the statement that inserts a batch's samples merges only
-- the rows it actually inserted (not the duplicates) into the day's summary with one upsert, never
-- rescanning the day. Deleting a device recomputes the days its samples were in.
CREATE TABLE wearable_daily_summaries (
    tenant_id    uuid          NOT NULL,
    owner_id     uuid          NOT NULL,
    day          date          NOT NULL,
    metric       varchar(30)   NOT NULL,
    min_value    numeric(14,4) NOT NULL,
    max_value    numeric(14,4) NOT NULL,
    sum_value    numeric(24,4) NOT NULL,
    sample_count bigint        NOT NULL CHECK (sample_count > 0),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, owner_id, metric, day)
);
SELECT enable_tenant_rls('wearable_daily_summaries', 'owner_id');
SELECT allow_circle_erasure('wearable_daily_summaries');
