-- Messaging: every reminder is a row of the outbox before anything leaves the building.
CREATE TABLE message (
    id               BIGSERIAL PRIMARY KEY,
    -- case + stage + channel (or lease + due date + channel): a stage never texts anyone twice
    idempotency_key  TEXT NOT NULL UNIQUE,
    case_id          BIGINT,                  -- escalation case; no FK, that module owns its tables
    lease_id         BIGINT NOT NULL REFERENCES lease (id),
    tenant_id        BIGINT NOT NULL REFERENCES tenant (id),
    stage            TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('ALIMTALK', 'SMS', 'EMAIL')),
    kind             TEXT NOT NULL CHECK (kind IN ('ALIMTALK', 'SMS', 'LMS', 'EMAIL')),
    recipient        TEXT,                    -- E.164 phone or e-mail address; NULL when there is none
    template_code    TEXT,                    -- Kakao-approved AlimTalk template code
    subject          TEXT,
    body             TEXT NOT NULL,           -- text as sent (AlimTalk, SMS/LMS, e-mail text part)
    html_body        TEXT,                    -- e-mail HTML part
    fallback_body    TEXT,                    -- SMS/LMS text sent once if the AlimTalk fails
    fallback_subject TEXT,                    -- its LMS title
    fallback_of      BIGINT REFERENCES message (id),
    state            TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED')),
    attempts         INT NOT NULL DEFAULT 0,
    resends          INT NOT NULL DEFAULT 0,
    -- QUEUED: when it may go; SENDING: when a dispatcher's claim expires (a crashed one's rows come back)
    next_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    provider_id      TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX message_due ON message (next_attempt_at, id) WHERE state IN ('QUEUED', 'SENDING');
CREATE INDEX message_case ON message (case_id);
CREATE INDEX message_lease ON message (lease_id);

-- (a message whose template cannot be filled in is inserted FAILED, with the reason in last_error)

-- A tenant asked not to be contacted on a channel (SPEC "When people may be contacted").
CREATE TABLE message_opt_out (
    tenant_id    BIGINT NOT NULL REFERENCES tenant (id),
    channel      TEXT NOT NULL CHECK (channel IN ('ALIMTALK', 'SMS', 'EMAIL')),
    opted_out_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, channel)
);
