-- Webhooks (issue 18, Standard Webhooks): a user's subscriptions of a URL to event types of one
-- circle, and the deliveries made for them from the services' Kafka events. Both belong to the
-- circle (tenant_id, forced row-level security) and to the user who subscribed (owner_id: the API
-- shows a user their own only). The signing secret is sealed (platform crypto, secret class, the
-- circle's data key); during a rotation's overlap the previous one signs too.
CREATE TABLE webhook_subscriptions (
    id                        uuid          PRIMARY KEY,
    tenant_id                 uuid          NOT NULL,
    owner_id                  uuid          NOT NULL REFERENCES users (id),
    url                       varchar(2000) NOT NULL,
    event_types               jsonb         NOT NULL,
    scopes                    jsonb         NOT NULL,
    -- ENCRYPTED (secret class); never filtered, sorted or indexed.
    secret_encrypted          bytea         NOT NULL,
    previous_secret_encrypted bytea,
    previous_secret_until     timestamptz,
    status                    varchar(10)   NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    -- the first failure since the last success; three days of it disable the subscription
    failing_since             timestamptz,
    disabled_at               timestamptz,
    version                   bigint        NOT NULL DEFAULT 0,
    created_at                timestamptz   NOT NULL DEFAULT now(),
    updated_at                timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (tenant_id, owner_id, id);
SELECT enable_tenant_rls('webhook_subscriptions');

-- One row per event and subscription (written in the consuming transaction), one attempt at a time.
CREATE TABLE webhook_deliveries (
    id              uuid         PRIMARY KEY,
    tenant_id       uuid         NOT NULL,
    subscription_id uuid         NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id        uuid         NOT NULL,
    event_type      varchar(64)  NOT NULL,
    payload         jsonb        NOT NULL,
    status          varchar(10)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    response_code   int,
    latency_ms      int,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    -- a replay is a new delivery of the same event; the consumer writes one per event and subscription
    replay_of       uuid         REFERENCES webhook_deliveries (id)
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (subscription_id, event_id) WHERE replay_of IS NULL;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (tenant_id, subscription_id, id);
SELECT enable_tenant_rls('webhook_deliveries');

-- Every attempt: the log a subscriber reads.
CREATE TABLE webhook_attempts (
    id            uuid         PRIMARY KEY,
    tenant_id     uuid         NOT NULL,
    delivery_id   uuid         NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt       int          NOT NULL,
    response_code int,
    latency_ms    int,
    error         varchar(500),
    attempted_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
SELECT enable_tenant_rls('webhook_attempts');
REVOKE UPDATE, DELETE, TRUNCATE ON webhook_attempts FROM ${app_role};

-- The sender works across circles: the owner's function lists what is due (ids and circles only),
-- and the sender then handles each delivery in its own circle's transaction.
CREATE POLICY webhook_deliveries_due ON webhook_deliveries FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION webhook_due_deliveries(max_rows int)
    RETURNS TABLE (id uuid, tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    SELECT d.id, d.tenant_id FROM webhook_deliveries d
    WHERE d.status = 'pending' AND d.next_attempt_at <= now()
    ORDER BY d.next_attempt_at LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION webhook_due_deliveries(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_due_deliveries(int) TO ${app_role};
