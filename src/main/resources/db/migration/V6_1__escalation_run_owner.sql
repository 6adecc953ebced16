-- Which service instance runs an escalation run, and when it last said so. A run still STARTED whose
-- heartbeat has gone stale lost its process (kill -9, power cut): another instance, or the same one
-- started again, marks it failed and resumes it after its last committed page.
ALTER TABLE escalation_run ADD COLUMN owner TEXT;
ALTER TABLE escalation_run ADD COLUMN heartbeat_at TIMESTAMPTZ;
CREATE INDEX escalation_run_unfinished ON escalation_run (heartbeat_at) WHERE status IN ('STARTING', 'STARTED');
