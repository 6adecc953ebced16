-- Send only what is still true (SPEC): a message decided by a run is checked again just before it
-- leaves; one no longer true is CANCELLED with the reason, never sent and never counted as sent.
ALTER TABLE message DROP CONSTRAINT message_state_check;
ALTER TABLE message ADD CONSTRAINT message_state_check
    CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED', 'CANCELLED'));
ALTER TABLE message ADD COLUMN cancel_reason TEXT
    CHECK (cancel_reason IN ('PAID', 'PAUSED', 'CLOSED', 'SUPERSEDED', 'OPTED_OUT'));
ALTER TABLE message ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE message ADD CONSTRAINT message_cancelled_has_reason CHECK ((state = 'CANCELLED') = (cancel_reason IS NOT NULL));
-- an UPCOMING reminder is about the charges of one due date: the check asks whether they are still unpaid
ALTER TABLE message ADD COLUMN due_date DATE;
UPDATE message SET due_date = CAST(substring(idempotency_key FROM '^lease:[0-9]+:due:([0-9-]{10}):') AS DATE)
WHERE case_id IS NULL AND idempotency_key ~ '^lease:[0-9]+:due:';
-- "sent" in demo mode never left the building: the API and the landlord's summary say so
ALTER TABLE message ADD COLUMN sent_in_demo BOOLEAN NOT NULL DEFAULT FALSE;

-- One lease that cannot be computed is a run error, never the end of the run for the others.
CREATE TABLE escalation_run_error (
    id           BIGSERIAL PRIMARY KEY,
    run_id       BIGINT NOT NULL REFERENCES escalation_run (id),
    lease_id     BIGINT NOT NULL,
    reason       TEXT NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (run_id, lease_id)
);
ALTER TABLE escalation_run ADD COLUMN errors INT NOT NULL DEFAULT 0;

-- A real run typed for a future date would block every scheduled run before it: an ADMIN voids it.
ALTER TABLE escalation_run ADD COLUMN voided_at TIMESTAMPTZ;
ALTER TABLE escalation_run ADD COLUMN voided_by TEXT;
ALTER TABLE escalation_run ADD COLUMN void_reason TEXT;
