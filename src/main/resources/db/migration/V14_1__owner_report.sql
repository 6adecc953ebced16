-- The monthly owner report (월간 임대관리 보고서): one per landlord and month, whatever re-runs or
-- cluster nodes do; the PDF is kept as generated, with its SHA-256 for anyone checking a copy.
CREATE TABLE owner_report (
    id            BIGSERIAL PRIMARY KEY,
    landlord_id   BIGINT NOT NULL REFERENCES landlord (id),
    month         DATE NOT NULL CHECK (extract(day FROM month) = 1),  -- the report's month, as its first day
    pdf           BYTEA NOT NULL,
    sha256        TEXT NOT NULL,
    generated_at  TIMESTAMPTZ NOT NULL,
    generated_by  TEXT NOT NULL,
    UNIQUE (landlord_id, month)
);
