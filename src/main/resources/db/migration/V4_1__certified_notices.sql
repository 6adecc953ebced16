-- Certified notices (내용증명): one per (case, kind); every edit is a version; the approved PDF is
-- kept as bytes with its SHA-256 so a downloaded copy can be checked.
-- case_id has no foreign key: the escalation tables are owned by the escalation module.
CREATE TABLE notice (
    id                  BIGSERIAL PRIMARY KEY,
    case_id             BIGINT NOT NULL,
    lease_id            BIGINT NOT NULL REFERENCES lease (id),
    kind                TEXT NOT NULL CHECK (kind IN ('DEMAND', 'TERMINATION')),
    status              TEXT NOT NULL CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED',
                                                        'DISPATCHED', 'DELIVERED', 'RETURNED')),
    version             INT NOT NULL,              -- current version
    last_editor         TEXT NOT NULL,             -- four eyes: may not approve
    landlord_consent_by TEXT,
    landlord_consent_at TIMESTAMPTZ,
    decided_by          TEXT,                      -- approver or rejecter
    decided_at          TIMESTAMPTZ,
    reason              TEXT,                      -- why rejected or held back
    drafted_on          DATE NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    -- drafted once per case and kind, whatever re-runs of the escalation happen
    UNIQUE (case_id, kind)
);
CREATE INDEX notice_lease ON notice (lease_id);
CREATE INDEX notice_status ON notice (status);

CREATE TABLE notice_version (
    notice_id   BIGINT NOT NULL REFERENCES notice (id),
    version     INT NOT NULL,
    content     TEXT NOT NULL,                     -- NoticeContent as JSON
    edited_by   TEXT NOT NULL,
    edited_at   TIMESTAMPTZ NOT NULL,
    diff        TEXT,                              -- what this edit changed, for people
    -- set once, when this version is approved; an approved version never changes
    approved_by         TEXT,
    approved_at         TIMESTAMPTZ,
    document_no         TEXT UNIQUE,               -- YYYY-NNNNNN
    document_date       DATE,
    verification_code   TEXT,
    pdf                 BYTEA,
    pdf_sha256          TEXT UNIQUE,
    PRIMARY KEY (notice_id, version),
    CHECK ((pdf IS NULL) = (pdf_sha256 IS NULL) AND (pdf IS NULL) = (document_no IS NULL))
);

-- Gap-free document numbers: one counter row per year, bumped in the approving transaction
-- (a sequence would leave gaps on rollback).
CREATE TABLE notice_number (
    year    INT PRIMARY KEY,
    last_no INT NOT NULL
);
