-- LifeOS platform: wake the outbox relay the moment an event commits.
--
-- PostgreSQL delivers a NOTIFY only when the inserting transaction commits (and never for one that
-- rolls back), to whichever replica's relay leads and LISTENs, so an event reaches Kafka within
-- milliseconds of its change instead of waiting for the relay's next poll. The poll stays as the
-- fallback (a notification lost with a dropped connection delays an event by one poll interval,
-- never loses it). Identical notifications within one transaction are folded into one by
-- PostgreSQL, and the trigger fires once per statement, so a bulk insert costs one notification.
CREATE OR REPLACE FUNCTION outbox_events_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('lifeos_outbox', '');
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS outbox_events_notify ON outbox_events;
CREATE TRIGGER outbox_events_notify
    AFTER INSERT ON outbox_events
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();
