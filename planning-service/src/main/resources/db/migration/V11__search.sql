-- Full-text search over tasks and goals: a weighted tsvector kept by PostgreSQL itself (generated
-- column: title A, description B, English stemming) and a GIN index per table. Row-level security
-- applies to searches as to every read. Another searchable table (notes) adds the same column and
-- index and one UNION branch in SearchService.

ALTER TABLE tasks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')) STORED;
CREATE INDEX idx_tasks_search ON tasks USING gin (search_vector);

ALTER TABLE goals ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')) STORED;
CREATE INDEX idx_goals_search ON goals USING gin (search_vector);
