-- Certified mail as the post office really takes it (issue 17): a MANAGER posts the approved PDF at
-- the post office's internet service and records its 접수번호 (receipt_no) and 13-digit 등기번호;
-- the tracking Open API (종적조회) then reports delivery or return. A returned notice may be posted
-- again: one dispatch row per posting, so (notice, version) is no longer unique. At most one
-- posting of a notice is open (not failed, no delivery outcome yet) at a time.
ALTER TABLE notice_dispatch DROP CONSTRAINT notice_dispatch_notice_id_version_key;
CREATE UNIQUE INDEX notice_dispatch_open ON notice_dispatch (notice_id) WHERE status <> 'FAILED' AND delivery_status IS NULL;

ALTER TABLE notice_dispatch
    -- POST_OFFICE: recorded by hand after the upload; MAIL_SERVICE: a contracted mail service's API
    ADD COLUMN channel            TEXT NOT NULL DEFAULT 'MAIL_SERVICE' CHECK (channel IN ('POST_OFFICE', 'MAIL_SERVICE')),
    ADD COLUMN attempt            INT NOT NULL DEFAULT 1,           -- 1st, 2nd … posting of the notice
    ADD COLUMN registered_no      TEXT UNIQUE CHECK (registered_no ~ '^[0-9]{13}$'), -- 등기번호
    ADD COLUMN posted_on          DATE,
    ADD COLUMN fee                BIGINT CHECK (fee BETWEEN 0 AND 100000000000),
    ADD COLUMN recipient_name     TEXT,
    ADD COLUMN recipient_postcode TEXT CHECK (recipient_postcode ~ '^[0-9]{5}$'),
    ADD COLUMN recipient_address  TEXT,
    ADD COLUMN delivered_on       DATE,                             -- 배달일 (or the return's date)
    ADD COLUMN receiver           TEXT,                             -- 수령인, as the tracking reports it
    ADD COLUMN return_reason      TEXT,                             -- 수취인부재, 주소불명, 폐문부재, 수취거절 …
    ADD COLUMN tracking_status    TEXT,                             -- the API's last dlvySttus / processSttus
    ADD COLUMN tracked_at         TIMESTAMPTZ,
    ADD COLUMN tracking_error     TEXT,                             -- the last failed round's reason; retried next round
    ADD COLUMN tracking_failures  INT NOT NULL DEFAULT 0;

-- What tracking is due: open postings with a 등기번호
CREATE INDEX notice_dispatch_tracked ON notice_dispatch (id) WHERE registered_no IS NOT NULL AND delivery_status IS NULL;

-- Every processing event the tracking API reported for a posting, once each.
CREATE TABLE notice_tracking_event (
    id           BIGSERIAL PRIMARY KEY,
    dispatch_id  BIGINT NOT NULL REFERENCES notice_dispatch (id),
    event_date   DATE NOT NULL,            -- dlvyDate
    event_time   TEXT NOT NULL DEFAULT '', -- dlvyTime (HH:mm)
    location     TEXT NOT NULL DEFAULT '', -- nowLc
    status       TEXT NOT NULL,            -- processSttus
    detail       TEXT NOT NULL DEFAULT '', -- detailDc
    recorded_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (dispatch_id, event_date, event_time, location, status, detail)
);

-- The post office's 배달증명 and 등본 PDFs, attached by a MANAGER; kept with their SHA-256.
CREATE TABLE notice_proof (
    id           BIGSERIAL PRIMARY KEY,
    notice_id    BIGINT NOT NULL REFERENCES notice (id),
    dispatch_id  BIGINT REFERENCES notice_dispatch (id),
    kind         TEXT NOT NULL CHECK (kind IN ('DELIVERY_PROOF', 'CERTIFIED_COPY')),
    file_name    TEXT NOT NULL,
    pdf          BYTEA NOT NULL,
    sha256       TEXT NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX notice_proof_notice ON notice_proof (notice_id);
