-- A message of the outbox may be addressed to a landlord (the monthly owner report) instead of a
-- lease's tenant, and may carry a reference to a stored document its mail gateway attaches at send time.
ALTER TABLE message
    ALTER COLUMN lease_id DROP NOT NULL,
    ALTER COLUMN tenant_id DROP NOT NULL,
    ADD COLUMN landlord_id BIGINT REFERENCES landlord (id),
    ADD COLUMN attachment_ref TEXT,
    ADD CONSTRAINT message_addressee CHECK ((lease_id IS NOT NULL AND tenant_id IS NOT NULL) OR landlord_id IS NOT NULL);

-- Per landlord: whether the monthly report is sent at all, and to an accountant besides the owner.
CREATE TABLE owner_report_setting (
    landlord_id       BIGINT PRIMARY KEY REFERENCES landlord (id),
    opted_out         BOOLEAN NOT NULL,
    accountant_email  TEXT,
    accountant_phone  TEXT,   -- E.164
    updated_at        TIMESTAMPTZ NOT NULL,
    updated_by        TEXT NOT NULL
);
