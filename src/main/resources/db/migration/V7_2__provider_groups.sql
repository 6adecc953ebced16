-- Solapi has no idempotency key: a text's provider group is stored before the text is handed over,
-- so a retry, a timeout or a restart asks that group what it holds instead of adding the text again.
ALTER TABLE message ADD COLUMN provider_group TEXT;
-- the texts whose delivery the provider has not reported yet, by group (the polling reconciliation)
CREATE INDEX message_unreported ON message (provider_group, sent_at) WHERE state = 'SENT' AND provider_group IS NOT NULL;
