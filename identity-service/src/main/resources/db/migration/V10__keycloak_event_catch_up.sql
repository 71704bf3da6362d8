-- How far the automatic catch-up from Keycloak's own event store has read (KeycloakEventsReplay):
-- one row. Events before its start came through Kafka; the catch-up covers what the listener
-- could not deliver since.
CREATE TABLE keycloak_event_catch_up (
    id             smallint    PRIMARY KEY CHECK (id = 1),
    replayed_until timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO keycloak_event_catch_up (id, replayed_until) VALUES (1, now());
REVOKE INSERT, DELETE, TRUNCATE ON keycloak_event_catch_up FROM ${app_role};
