-- SPEC "Corrections": nothing in the ledger is deleted; a payment is reversed with a reason. A reversed
-- payment stays in the table and is left out of every balance.
CREATE TABLE payment_reversal (
    payment_id   BIGINT PRIMARY KEY REFERENCES payment (id),
    reason       TEXT NOT NULL,
    reversed_by  TEXT NOT NULL,
    reversed_at  TIMESTAMPTZ NOT NULL
);

-- a bank line's booking that was reversed (the line waits again; a new booking gets a new reference)
ALTER TABLE bank_line_payment ADD COLUMN reversed BOOLEAN NOT NULL DEFAULT FALSE;
