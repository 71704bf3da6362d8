-- The profile changes with PATCH /api/v1/me under If-Match: its version is the weak ETag.
ALTER TABLE users ADD COLUMN version bigint NOT NULL DEFAULT 0;
