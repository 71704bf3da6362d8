-- Contacts (seed 000 contacts, 002 contacts) and income entries (seed 000 income_entries). The
-- fields the seeds mark ENCRYPTED are bytea *_encrypted columns sealed by the platform's crypto
-- (contacts' phone and notes: class pii; income's amount and description: class financial): the
-- database never sees their plaintext or a key, and they are never filtered, summed or indexed in
-- SQL. domain_id names a planning domain (another service's): no foreign key.

CREATE TABLE contacts (
    id               uuid         PRIMARY KEY,
    tenant_id        uuid         NOT NULL,
    domain_id        uuid,
    name             varchar(255) NOT NULL,
    contact_type     varchar(20)  NOT NULL
        CHECK (contact_type IN ('client', 'agency', 'collaborator', 'provider', 'other')),
    phone_encrypted  bytea,
    email            varchar(255),
    notes_encrypted  bytea,
    rating           integer      CHECK (rating BETWEEN 1 AND 5),
    is_active        boolean      NOT NULL DEFAULT true,
    last_interaction timestamptz,
    deleted_at       timestamptz,
    version          bigint       NOT NULL DEFAULT 0,
    created_by       uuid         NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE INDEX idx_contacts_domain_id ON contacts (tenant_id, domain_id);
CREATE INDEX idx_contacts_contact_type ON contacts (tenant_id, contact_type);
CREATE INDEX idx_contacts_is_active ON contacts (tenant_id, is_active);
CREATE INDEX idx_contacts_deleted_at ON contacts (tenant_id, deleted_at);
SELECT enable_tenant_rls('contacts');

CREATE TABLE income_entries (
    id                    uuid        PRIMARY KEY,
    tenant_id             uuid        NOT NULL,
    domain_id             uuid,
    date                  date        NOT NULL,
    amount_encrypted      bytea       NOT NULL,
    currency              char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    source_type           varchar(20) NOT NULL
        CHECK (source_type IN ('session', 'subscription', 'tip', 'content_sale', 'invoice', 'other')),
    description_encrypted bytea,
    duration_minutes      integer     CHECK (duration_minutes BETWEEN 0 AND 100000),
    contact_id            uuid,
    version               bigint      NOT NULL DEFAULT 0,
    created_by            uuid        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX idx_income_entries_domain_id ON income_entries (tenant_id, domain_id);
CREATE INDEX idx_income_entries_date ON income_entries (tenant_id, date DESC, id DESC);
CREATE INDEX idx_income_entries_source_type ON income_entries (tenant_id, source_type);
CREATE INDEX idx_income_entries_contact ON income_entries (tenant_id, contact_id);
SELECT enable_tenant_rls('income_entries');
