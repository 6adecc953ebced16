-- The board's "needs attention" list reads, on every view, the texts that could not be sent and the
-- messages that failed: few rows of an outbox that only grows, found through these partial indexes
-- instead of a scan of every message ever made.
CREATE INDEX message_text_skipped ON message (lease_id, id) WHERE state = 'SKIPPED' AND channel IN ('ALIMTALK', 'SMS');
CREATE INDEX message_failed ON message (lease_id, id) WHERE state = 'FAILED';
