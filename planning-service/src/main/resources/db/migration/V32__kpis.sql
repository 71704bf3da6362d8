-- KPIs (seed 004 user_kpis, weekly_kpis, weekly_kpi_entries): user-defined measures with a
-- weekly target, an optional minimum target, aggregation over weeks (total or average) and
-- reverse scoring (lower is better). Entries are one value per KPI per ISO week; each keeps the
-- target it was recorded against (seed 004 stores target_value per entry), so changing a KPI's
-- target never rewrites history. Completion is computed on read (KpiScore), never stored or typed.

CREATE TABLE kpis (
    id              uuid          PRIMARY KEY,
    tenant_id       uuid          NOT NULL,
    name            varchar(100)  NOT NULL,
    unit            varchar(20)   NOT NULL,
    category        varchar(50)   NOT NULL,
    color           varchar(7)    NOT NULL DEFAULT '#5FE3B3' CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
    target          numeric(14,2) NOT NULL CHECK (target >= 0),
    min_target      numeric(14,2) CHECK (min_target >= 0),
    aggregation     varchar(10)   NOT NULL DEFAULT 'total' CHECK (aggregation IN ('total', 'average')),
    reverse_scoring boolean       NOT NULL DEFAULT false,
    is_active       boolean       NOT NULL DEFAULT true,
    sort_order      integer       NOT NULL DEFAULT 0,
    version         bigint        NOT NULL DEFAULT 0,
    created_by      uuid          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (min_target IS NULL OR (reverse_scoring AND min_target >= target) OR (NOT reverse_scoring AND min_target <= target))
);
CREATE INDEX idx_kpis_active_sort ON kpis (tenant_id, is_active, sort_order);
SELECT enable_tenant_rls('kpis');

CREATE TABLE kpi_entries (
    id              uuid          PRIMARY KEY,
    tenant_id       uuid          NOT NULL,
    kpi_id          uuid          NOT NULL,
    week_start      date          NOT NULL CHECK (extract(isodow FROM week_start) = 1),
    value           numeric(14,2) NOT NULL CHECK (value >= 0),
    target          numeric(14,2) NOT NULL CHECK (target >= 0),
    min_target      numeric(14,2),
    reverse_scoring boolean       NOT NULL,
    notes           text,
    version         bigint        NOT NULL DEFAULT 0,
    created_by      uuid          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, kpi_id) REFERENCES kpis (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX idx_kpi_entries_kpi_week ON kpi_entries (tenant_id, kpi_id, week_start);
SELECT enable_tenant_rls('kpi_entries');
