-- Escalation: the ladder as data, arrears cases with their stage history, and the runs that move them.

-- The ladder's steps, lowest first: an enum compares in this order, so "never move a case down" is one WHERE.
CREATE TYPE escalation_stage AS ENUM
    ('UPCOMING', 'REMINDER_1', 'REMINDER_2', 'FINAL_REMINDER', 'DEMAND_NOTICE', 'TERMINATION_NOTICE', 'RESOLVED');

-- A ladder for everyone (both ids NULL), for one landlord, or for one building.
CREATE TABLE escalation_policy (
    id           BIGSERIAL PRIMARY KEY,
    landlord_id  BIGINT REFERENCES landlord (id),
    building_id  BIGINT REFERENCES building (id),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by   TEXT NOT NULL,
    CHECK (landlord_id IS NULL OR building_id IS NULL)
);
CREATE UNIQUE INDEX escalation_policy_scope ON escalation_policy (coalesce(landlord_id, 0), coalesce(building_id, 0));

CREATE TABLE escalation_policy_stage (
    policy_id               BIGINT NOT NULL REFERENCES escalation_policy (id) ON DELETE CASCADE,
    stage                   escalation_stage NOT NULL,
    enabled                 BOOLEAN NOT NULL,
    trigger                 TEXT NOT NULL CHECK (trigger IN ('DAYS_BEFORE_DUE', 'DAYS_OVERDUE', 'RENT_MONTHS', 'BALANCE_ZERO')),
    threshold               INT NOT NULL,
    channels                TEXT NOT NULL,           -- comma-separated Channel names, in the order they are tried
    template                TEXT NOT NULL,           -- base name of the stage's message / notice templates
    needs_approval          BOOLEAN NOT NULL,
    needs_landlord_consent  BOOLEAN NOT NULL,
    PRIMARY KEY (policy_id, stage)
);

-- SPEC "Default escalation ladder"
INSERT INTO escalation_policy (landlord_id, building_id, updated_by) VALUES (NULL, NULL, 'SYSTEM');
INSERT INTO escalation_policy_stage
    (policy_id, stage, enabled, trigger, threshold, channels, template, needs_approval, needs_landlord_consent)
SELECT p.id, s.stage::escalation_stage, TRUE, s.trigger, s.threshold, s.channels, s.template, s.approval, s.consent
FROM escalation_policy p,
     (VALUES ('UPCOMING',           'DAYS_BEFORE_DUE', 3,  'ALIMTALK',         'upcoming',           FALSE, FALSE),
             ('REMINDER_1',         'DAYS_OVERDUE',    1,  'ALIMTALK,EMAIL',   'reminder-1',         FALSE, FALSE),
             ('REMINDER_2',         'DAYS_OVERDUE',    7,  'ALIMTALK,EMAIL',   'reminder-2',         FALSE, FALSE),
             ('FINAL_REMINDER',     'DAYS_OVERDUE',    14, 'SMS,EMAIL',        'final-reminder',     FALSE, FALSE),
             ('DEMAND_NOTICE',      'DAYS_OVERDUE',    30, 'CERTIFIED_NOTICE', 'demand-notice',      TRUE,  FALSE),
             ('TERMINATION_NOTICE', 'RENT_MONTHS',     2,  'CERTIFIED_NOTICE', 'termination-notice', TRUE,  TRUE),
             ('RESOLVED',           'BALANCE_ZERO',    0,  'ALIMTALK',         'resolved',           FALSE, FALSE))
         AS s (stage, trigger, threshold, channels, template, approval, consent);

-- One escalation run: a Spring Batch job instance (restarts are further executions of it).
CREATE TABLE escalation_run (
    id               BIGSERIAL PRIMARY KEY,
    business_date    DATE NOT NULL,
    dry_run          BOOLEAN NOT NULL,
    requested_by     TEXT NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    status           TEXT NOT NULL DEFAULT 'STARTING',  -- Spring Batch's status of the latest execution
    finished_at      TIMESTAMPTZ,
    leases           INT NOT NULL DEFAULT 0,
    opened           INT NOT NULL DEFAULT 0,
    advanced         INT NOT NULL DEFAULT 0,
    skipped          INT NOT NULL DEFAULT 0,
    resolved         INT NOT NULL DEFAULT 0,
    upcoming         INT NOT NULL DEFAULT 0,
    unchanged        INT NOT NULL DEFAULT 0
);
CREATE INDEX escalation_run_completed ON escalation_run (business_date) WHERE status = 'COMPLETED' AND NOT dry_run;

-- An arrears episode of a lease: opens on the first overdue charge, closes when the overdue balance is 0.
CREATE TABLE arrears_case (
    id            BIGSERIAL PRIMARY KEY,
    lease_id      BIGINT NOT NULL REFERENCES lease (id),
    opened_on     DATE NOT NULL,
    stage         escalation_stage,                  -- highest stage reached or skipped; NULL until the first
    closed_on     DATE,
    paused_until  DATE,                              -- sends nothing up to and including this date
    pause_reason  TEXT,
    paused_by     TEXT,
    CHECK (stage IS NULL OR stage <> 'UPCOMING')
);
-- at most one open case per lease: two runs opening the same case at once open it once
CREATE UNIQUE INDEX arrears_case_open ON arrears_case (lease_id) WHERE closed_on IS NULL;

-- Each (case, stage) happens at most once, whatever re-runs, restarts or overlapping runs occur.
CREATE TABLE case_stage (
    id             BIGSERIAL PRIMARY KEY,
    case_id        BIGINT NOT NULL REFERENCES arrears_case (id),
    stage          escalation_stage NOT NULL CHECK (stage <> 'UPCOMING'),
    status         TEXT NOT NULL CHECK (status IN ('REACHED', 'SKIPPED')),
    business_date  DATE NOT NULL,
    run_id         BIGINT REFERENCES escalation_run (id),
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (case_id, stage)
);

-- The friendly reminder before a due date happens before any case: once per (lease, due date).
CREATE TABLE upcoming_reminder (
    id             BIGSERIAL PRIMARY KEY,
    lease_id       BIGINT NOT NULL REFERENCES lease (id),
    due_date       DATE NOT NULL,
    amount         BIGINT NOT NULL,
    business_date  DATE NOT NULL,
    run_id         BIGINT REFERENCES escalation_run (id),
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (lease_id, due_date)
);
