-- Payment plans (분할납부 약정, SPEC "Payment plans"): instalments a MANAGER agreed with the tenant of
-- an open case. While a plan is ACTIVE the case is held (the ladder takes no step, its messages are
-- cancelled at send time); a missed instalment (due date + grace days) makes it BROKEN and the case
-- climbs again from the stage it had; paid in full it is KEPT and the run resolves the case.
CREATE TABLE payment_plan (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT NOT NULL REFERENCES arrears_case (id),
    lease_id        BIGINT NOT NULL REFERENCES lease (id),
    status          TEXT NOT NULL CHECK (status IN ('ACTIVE', 'KEPT', 'BROKEN')),
    starts_on       DATE NOT NULL,                  -- the day it was agreed; payments count from then
    principal       BIGINT NOT NULL CHECK (principal > 0),  -- the overdue balance on that day
    interest        BIGINT NOT NULL CHECK (interest >= 0),  -- the late interest to that day, when covered
    total           BIGINT NOT NULL CHECK (total = principal + interest),
    -- every payment of the lease up to the agreement: what is paid since is this subtracted from the total paid
    paid_before     BIGINT NOT NULL,
    grace_days      INT NOT NULL CHECK (grace_days BETWEEN 0 AND 30),
    stage_at_start  escalation_stage,
    agreed_by       TEXT NOT NULL,
    agreed_at       TIMESTAMPTZ NOT NULL,
    ended_on        DATE,                           -- the business date it was kept or broken
    broken_instalment INT,                          -- the instalment that broke it
    CHECK ((status = 'ACTIVE') = (ended_on IS NULL))
);
-- one active plan per case, whatever two MANAGERs do at once
CREATE UNIQUE INDEX payment_plan_active ON payment_plan (case_id) WHERE status = 'ACTIVE';
CREATE INDEX payment_plan_case ON payment_plan (case_id);

CREATE TABLE plan_instalment (
    plan_id      BIGINT NOT NULL REFERENCES payment_plan (id),
    no           INT NOT NULL CHECK (no BETWEEN 1 AND 24),
    due_date     DATE NOT NULL,
    amount       BIGINT NOT NULL CHECK (amount > 0),
    paid_on      DATE,                              -- the business date the run found it covered
    reminded_on  DATE,                              -- the business date its friendly reminder was queued
    PRIMARY KEY (plan_id, no),
    UNIQUE (plan_id, due_date)
);

-- the days after an instalment's date before it breaks the plan: a setting of each ladder
ALTER TABLE escalation_policy ADD COLUMN plan_grace_days INT NOT NULL DEFAULT 3 CHECK (plan_grace_days BETWEEN 0 AND 30);
