-- What the messaging provider reported after accepting a message (signed webhook).
CREATE TABLE message_receipt (
    id          BIGSERIAL PRIMARY KEY,
    message_id  BIGINT NOT NULL REFERENCES message (id),
    status      TEXT NOT NULL CHECK (status IN ('DELIVERED', 'FAILED')),
    reason      TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    payload     TEXT NOT NULL              -- the signed body as received
);
CREATE INDEX message_receipt_message ON message_receipt (message_id);
