-- Media files' metadata (seed 001 Asset). The file itself lives in the asset store (a directory in
-- development, an S3-compatible bucket in production) under storage_path = '<tenant_id>/<id>';
-- url is the asset's stable content address on this API. client_id and project_id name finance's
-- CRM rows by id only (no service reads another's database).
CREATE TABLE assets (
    id               uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    project_id       uuid,
    client_id        uuid,
    asset_type       varchar(20)   NOT NULL
        CHECK (asset_type IN ('image', 'video', 'audio', 'document', 'design', 'archive', 'other')),
    category         varchar(100),
    name             varchar(500)  NOT NULL,
    storage_path     varchar(200)  NOT NULL,
    url              varchar(2048) NOT NULL,
    thumbnail_url    varchar(2048),
    -- Declared at creation; after the upload, the stored file's size.
    file_size        bigint        NOT NULL CHECK (file_size >= 0),
    mime_type        varchar(255)  NOT NULL,
    tags             text[]        NOT NULL DEFAULT '{}',
    status           varchar(20)   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'uploaded')),
    checksum_sha256  varchar(64),
    uploaded_at      timestamptz,
    version          bigint        NOT NULL DEFAULT 0,
    created_by       uuid          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, storage_path),
    CHECK (status = 'pending' OR uploaded_at IS NOT NULL)
);
-- The list's filters: a tag, a media type (exact or image/*), a client, a project; newest first.
CREATE INDEX idx_assets_tags ON assets USING gin (tags);
CREATE INDEX idx_assets_mime ON assets (tenant_id, mime_type varchar_pattern_ops);
CREATE INDEX idx_assets_client ON assets (tenant_id, client_id, id DESC) WHERE client_id IS NOT NULL;
CREATE INDEX idx_assets_project ON assets (tenant_id, project_id, id DESC) WHERE project_id IS NOT NULL;
SELECT enable_tenant_rls('assets');
