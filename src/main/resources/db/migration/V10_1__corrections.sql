-- SPEC "Corrections" (issue 14): nothing in the ledger is deleted. A charge is cancelled with a reason,
-- a payment reversed (payment_reversal, V9_2) and perhaps re-booked to another lease, lease terms change
-- from a month on, a lease ends early. Every balance is computed from what is left.

-- A cancelled charge stays and counts for nothing. Only live charges hold the (lease, kind, month) place,
-- so a corrected bill or a rent re-issued at new terms can take it; monthly generation still skips a
-- month that has any charge of the kind, so a charge cancelled as wrongly generated never comes back.
ALTER TABLE charge
    ADD COLUMN cancelled_at  TIMESTAMPTZ,
    ADD COLUMN cancelled_by  TEXT,
    ADD COLUMN cancel_reason TEXT,
    ADD CONSTRAINT charge_cancelled_by_someone_for_a_reason
        CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancel_reason IS NULL));
ALTER TABLE charge DROP CONSTRAINT charge_lease_id_kind_period_key;
CREATE UNIQUE INDEX charge_live_per_month ON charge (lease_id, kind, period) WHERE cancelled_at IS NULL;
-- what generation looks up to skip a cancelled month (few rows: cancelled ones only)
CREATE INDEX charge_cancelled_per_month ON charge (lease_id, kind, period) WHERE cancelled_at IS NOT NULL;

-- A payment booked to the wrong lease is reversed and booked again to the right one under a reference
-- derived from its own, so the bank reference stays unique and re-importing the original changes nothing.
ALTER TABLE payment ADD COLUMN rebooked_from BIGINT UNIQUE REFERENCES payment (id);

-- Terms from a month on: the charges of a month use the row with the latest from_month on or before it
-- (the lease's own columns hold the latest terms; before the first change they are the only ones).
CREATE TABLE lease_terms (
    id              BIGSERIAL PRIMARY KEY,
    lease_id        BIGINT NOT NULL REFERENCES lease (id),
    from_month      DATE NOT NULL CHECK (extract(day FROM from_month) = 1),
    monthly_rent    BIGINT NOT NULL CHECK (monthly_rent >= 0),
    management_fee  BIGINT NOT NULL CHECK (management_fee >= 0),
    due_day         INT NOT NULL CHECK (due_day BETWEEN 1 AND 31),
    reason          TEXT NOT NULL,
    changed_by      TEXT NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX lease_terms_lease_month ON lease_terms (lease_id, from_month);

-- The ledger's rows are corrected, never deleted.
CREATE FUNCTION ledger_row_is_never_deleted() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are corrected, never deleted: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charge_never_deleted BEFORE DELETE ON charge
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_never_deleted();
CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_never_deleted();
CREATE TRIGGER payment_reversal_never_deleted BEFORE DELETE ON payment_reversal
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_never_deleted();
