-- Income from content-service's content.revenue events (source content_sale): one entry per
-- revenue id (content's stable id of one item's revenue on one day in the circle). The unique index
-- is what makes the consumer exactly-once per revenue id: a correction updates this row, a repeat
-- finds it unchanged, and a second row for the same id cannot exist even if two consumers raced.
ALTER TABLE income_entries ADD COLUMN content_revenue_id uuid;
CREATE UNIQUE INDEX ux_income_entries_content_revenue ON income_entries (tenant_id, content_revenue_id)
    WHERE content_revenue_id IS NOT NULL;
