-- SPEC "Send only what is still true": arrears below the ladder's minimum balance take no stage, so a
-- 1원 shortfall (a bank fee, a rounding) never climbs to a demand. 10,000원 unless a ladder says otherwise.
ALTER TABLE escalation_policy ADD COLUMN minimum_balance BIGINT NOT NULL DEFAULT 10000
    CHECK (minimum_balance BETWEEN 0 AND 100000000000);
