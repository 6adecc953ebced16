-- Accounts a team can run (issue 14): an ADMIN creates, edits and deactivates them; a temporary
-- password must be changed at the first sign-in; a deactivated account signs in nowhere, its tokens
-- included. Nothing is deleted: the audit log names these accounts.
ALTER TABLE app_user ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN updated_at TIMESTAMPTZ;
-- a token may be issued for a while only (an accountant's yearly export, say)
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMPTZ;
