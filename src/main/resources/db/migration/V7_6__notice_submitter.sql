-- SPEC: the person who submits or last edited a notice cannot approve it. A notice the run drafted has
-- SYSTEM as its last editor, so without the submitter the MANAGER who submitted it could approve it alone.
ALTER TABLE notice ADD COLUMN submitted_by TEXT;
