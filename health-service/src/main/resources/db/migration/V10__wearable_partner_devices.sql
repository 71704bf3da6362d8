-- A device fed by a wearable partner names the partner's OAuth client: a partner token (a client
-- other than LifeOS's own apps) may ingest samples for the member's devices of its client only.
ALTER TABLE wearable_devices ADD COLUMN partner_client_id varchar(255);
