-- SPEC "Send only what is still true": a reminder that must show the account to pay into is HELD
-- while the landlord has none (and the lease no 가상계좌); it goes out when a person sets the account.
ALTER TABLE message DROP CONSTRAINT message_state_check;
ALTER TABLE message ADD CONSTRAINT message_state_check
    CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED', 'CANCELLED', 'HELD'));
ALTER TABLE message
    ADD COLUMN hold_reason TEXT CHECK (hold_reason IN ('NO_BANK_ACCOUNT')),
    ADD COLUMN held_at TIMESTAMPTZ,
    -- its text prints the landlord's account (or the lease's 가상계좌): checked again just before it leaves
    ADD COLUMN needs_account BOOLEAN NOT NULL DEFAULT FALSE,
    -- what it is rendered from again when it is released: the template's base name and an UPCOMING's amount
    ADD COLUMN template TEXT,
    ADD COLUMN due_amount BIGINT,
    ADD CONSTRAINT message_held_has_reason CHECK ((state = 'HELD') = (hold_reason IS NOT NULL));
-- the few held rows, found by lease for the board and the release
CREATE INDEX message_held ON message (lease_id, id) WHERE state = 'HELD';
