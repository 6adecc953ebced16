-- Dispatch of approved notices to the post office's gateway. One row per approved version: the
-- unique dispatch key is also sent as the gateway's Idempotency-Key, so neither a retry nor a
-- second request to dispatch can send the same letter twice.
CREATE TABLE notice_dispatch (
    id               BIGSERIAL PRIMARY KEY,
    notice_id        BIGINT NOT NULL REFERENCES notice (id),
    version          INT NOT NULL,
    dispatch_key     TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    receipt_no       TEXT UNIQUE,                -- the post office's 접수번호
    delivery_status  TEXT CHECK (delivery_status IN ('DELIVERED', 'RETURNED')),
    requested_by     TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    delivery_at      TIMESTAMPTZ,
    UNIQUE (notice_id, version)
);
CREATE INDEX notice_dispatch_due ON notice_dispatch (next_attempt_at) WHERE status = 'PENDING';
