-- Ledger: who rents what from whom, what is due and what was paid.
CREATE TABLE landlord (
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT NOT NULL,
    business_no     TEXT UNIQUE,             -- 사업자등록번호, digits only
    address         TEXT,
    phone           TEXT,                    -- E.164
    email           TEXT,
    bank_name       TEXT,
    bank_account    TEXT,
    account_holder  TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX landlord_name_without_business_no ON landlord (name) WHERE business_no IS NULL;

CREATE TABLE building (
    id          BIGSERIAL PRIMARY KEY,
    landlord_id BIGINT NOT NULL REFERENCES landlord (id),
    name        TEXT NOT NULL,
    address     TEXT,
    UNIQUE (landlord_id, name)
);

CREATE TABLE unit (
    id          BIGSERIAL PRIMARY KEY,
    building_id BIGINT NOT NULL REFERENCES building (id),
    unit_no     TEXT NOT NULL,               -- "301" or a split unit "301-1"
    UNIQUE (building_id, unit_no)
);

CREATE TABLE tenant (
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT NOT NULL,
    business_no     TEXT NOT NULL UNIQUE,
    representative  TEXT,
    phone           TEXT,                    -- E.164
    email           TEXT,
    address         TEXT
);

CREATE TABLE lease (
    id              BIGSERIAL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    tenant_id       BIGINT NOT NULL REFERENCES tenant (id),
    building_id     BIGINT NOT NULL REFERENCES building (id),
    start_date      DATE NOT NULL,
    end_date        DATE NOT NULL,
    monthly_rent    BIGINT NOT NULL CHECK (monthly_rent >= 0),
    management_fee  BIGINT NOT NULL CHECK (management_fee >= 0),
    deposit         BIGINT NOT NULL CHECK (deposit >= 0),
    due_day         INT NOT NULL CHECK (due_day BETWEEN 1 AND 31),
    vat_applies     BOOLEAN NOT NULL DEFAULT TRUE,
    interest_rate   NUMERIC(7, 4),           -- contractual annual rate, e.g. 0.1200; NULL = statutory
    merchant        BOOLEAN NOT NULL DEFAULT TRUE,  -- both sides merchants: 6% (상법 제54조), else 5% (민법 제379조)
    commercial_act  BOOLEAN NOT NULL DEFAULT FALSE, -- 상가건물 임대차보호법 applies
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date)
);
CREATE INDEX lease_building ON lease (building_id);

CREATE TABLE lease_unit (
    lease_id BIGINT NOT NULL REFERENCES lease (id),
    unit_id  BIGINT NOT NULL REFERENCES unit (id),
    PRIMARY KEY (lease_id, unit_id)
);

CREATE TABLE charge (
    id          BIGSERIAL PRIMARY KEY,
    lease_id    BIGINT NOT NULL REFERENCES lease (id),
    kind        TEXT NOT NULL CHECK (kind IN ('RENT', 'MANAGEMENT_FEE', 'ELECTRICITY', 'WATER', 'OTHER')),
    period      DATE NOT NULL,               -- first day of the month the charge is for
    due_date    DATE NOT NULL,
    amount      BIGINT NOT NULL CHECK (amount >= 0),  -- supply amount, won
    vat         BIGINT NOT NULL CHECK (vat >= 0),     -- shown separately; amount + vat is due
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- one charge of a kind per lease and month: re-running generation creates nothing twice
    UNIQUE (lease_id, kind, period)
);
CREATE INDEX charge_lease_due ON charge (lease_id, due_date);

CREATE TABLE payment (
    id              BIGSERIAL PRIMARY KEY,
    lease_id        BIGINT NOT NULL REFERENCES lease (id),
    bank_reference  TEXT NOT NULL UNIQUE,    -- makes re-importing a bank export harmless
    paid_on         DATE NOT NULL,
    amount          BIGINT NOT NULL CHECK (amount > 0),
    payer_name      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_lease_paid ON payment (lease_id, paid_on);

-- Audit: append-only, each event carries the hash of the one before it.
CREATE TABLE audit_event (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor         TEXT NOT NULL,             -- user name or SYSTEM
    action        TEXT NOT NULL,             -- e.g. CHARGE_CREATED, PAYMENT_APPLIED
    subject_type  TEXT NOT NULL,             -- LEASE, CASE, NOTICE, MESSAGE, IMPORT, ...
    subject_id    TEXT,
    lease_id      BIGINT,
    reason        TEXT,
    details       TEXT,                      -- JSON as written; text keeps the hashed bytes exact
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX audit_event_lease ON audit_event (lease_id);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
