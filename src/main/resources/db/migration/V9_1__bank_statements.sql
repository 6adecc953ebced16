-- Bank statements as banks export them (issue 16): lines without a bank reference, matched to leases.

-- 가상계좌: digits only; one lease each
ALTER TABLE lease ADD COLUMN virtual_account TEXT;
CREATE UNIQUE INDEX lease_virtual_account ON lease (virtual_account) WHERE virtual_account IS NOT NULL;

-- the landlord's account a statement is of; columns = a MANAGER's mapping for a layout no profile knows
CREATE TABLE bank_account (
    id           BIGSERIAL PRIMARY KEY,
    landlord_id  BIGINT NOT NULL REFERENCES landlord (id),
    account_no   TEXT NOT NULL UNIQUE,     -- digits only
    columns      JSONB
);

CREATE TABLE bank_statement (
    id               BIGSERIAL PRIMARY KEY,
    bank_account_id  BIGINT NOT NULL REFERENCES bank_account (id),
    file_name        TEXT,
    sha256           TEXT NOT NULL,
    layout           TEXT NOT NULL,
    deposits         INT NOT NULL,
    new_lines        INT NOT NULL,
    imported_by      TEXT NOT NULL,
    imported_at      TIMESTAMPTZ NOT NULL
);

-- one deposit; line_key = SHA-256 of account, date-time, amount, payer text, balance after (and the
-- occurrence among identical lines of one file), so an overlapping statement records it once
CREATE TABLE bank_line (
    id               BIGSERIAL PRIMARY KEY,
    line_key         TEXT NOT NULL UNIQUE,
    bank_account_id  BIGINT NOT NULL REFERENCES bank_account (id),
    statement_id     BIGINT NOT NULL REFERENCES bank_statement (id),
    occurred_at      TIMESTAMP NOT NULL,   -- Asia/Seoul wall time, as the bank prints it
    amount           BIGINT NOT NULL CHECK (amount > 0),
    payer            TEXT NOT NULL,
    balance          BIGINT,
    memo             TEXT,
    virtual_account  TEXT,
    state            TEXT NOT NULL CHECK (state IN ('UNMATCHED', 'AMBIGUOUS', 'MATCHED', 'NOT_RENT')),
    decided_by       TEXT,
    note             TEXT
);
CREATE INDEX bank_line_state ON bank_line (state, occurred_at);
CREATE INDEX bank_line_statement ON bank_line (statement_id);

-- what a line paid: one row per lease (a split has several), each a ledger payment
CREATE TABLE bank_line_payment (
    id           BIGSERIAL PRIMARY KEY,
    bank_line_id BIGINT NOT NULL REFERENCES bank_line (id),
    lease_id     BIGINT NOT NULL REFERENCES lease (id),
    amount       BIGINT NOT NULL CHECK (amount > 0),
    payment_id   BIGINT NOT NULL UNIQUE REFERENCES payment (id),
    rule         TEXT NOT NULL CHECK (rule IN ('VIRTUAL_ACCOUNT', 'ALIAS', 'TENANT_NAME', 'MANUAL'))
);
CREATE INDEX bank_line_payment_line ON bank_line_payment (bank_line_id);

-- a payer text (normalised) a person taught for a lease: 김대성 pays for (주)대성정밀
CREATE TABLE payer_alias (
    lease_id    BIGINT NOT NULL REFERENCES lease (id),
    alias       TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (lease_id, alias)
);
CREATE INDEX payer_alias_alias ON payer_alias (alias);
