-- Contacts' flexible metadata (seed 000 contacts.metadata, jsonb default '{}'). Clear, not sealed:
-- put nothing there that the encrypted phone and notes are for.
ALTER TABLE contacts ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}';
