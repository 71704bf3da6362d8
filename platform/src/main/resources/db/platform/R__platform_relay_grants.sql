-- LifeOS platform: what the outbox relay may change in the outbox.
--
-- The relay reads every circle's unsent events and marks them delivered or failed: published_at,
-- attempts, last_error. It may not rewrite an event (topic, envelope, tenant, type, ...): consumers
-- trust what arrives on a topic as the owning service's word, and the relay's role spans every
-- circle, so a stolen relay connection must not be able to forge or redirect events.
-- (SELECT ... FOR UPDATE needs UPDATE on at least one column, which this leaves it.)
--
-- Repeatable (R__), like R__platform_erasure.sql: V0_1 granted UPDATE on the whole table, and
-- databases already migrated past V0_1 must be narrowed too. A new V0_2 would be out of order
-- there (a service's own migrations start at V1, and out-of-order is off), so Flyway would refuse
-- it. Flyway applies this after the versioned migrations, and again whenever it changes; revoking
-- and granting are idempotent.
REVOKE UPDATE ON outbox_events FROM ${relay_role};
GRANT UPDATE (published_at, attempts, last_error) ON outbox_events TO ${relay_role};
