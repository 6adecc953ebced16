-- a ladder message that would leave while a plan holds its case is cancelled for that reason
ALTER TABLE message DROP CONSTRAINT message_cancel_reason_check;
ALTER TABLE message ADD CONSTRAINT message_cancel_reason_check
    CHECK (cancel_reason IN ('PAID', 'PAUSED', 'CLOSED', 'SUPERSEDED', 'OPTED_OUT', 'PLAN'));
