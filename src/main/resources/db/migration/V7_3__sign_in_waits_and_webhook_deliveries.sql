-- Issue 12. A wrong password no longer locks an account for good: after 5 in a row from one client
-- address the account waits there (15 min, doubling on each repeat, at most 24 h). The key is the
-- name as typed (cut to 64 characters), so unknown names wait exactly like real ones.
CREATE TABLE sign_in_wait (
    username       TEXT NOT NULL CHECK (length(username) <= 64),
    client_address TEXT NOT NULL CHECK (length(client_address) <= 64),
    failures       INT NOT NULL DEFAULT 0,     -- wrong passwords since the last wait or success
    episodes       INT NOT NULL DEFAULT 0,     -- waits so far: the next one lasts 15 min × 2^episodes
    waits_until    TIMESTAMPTZ,
    refused        INT NOT NULL DEFAULT 0,     -- attempts answered "no" during the current wait
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, client_address)
);
-- the permanent lock is gone with it; accounts locked by the old rule are open again
ALTER TABLE app_user DROP COLUMN locked, DROP COLUMN failed_attempts;

-- Each signed delivery of the messaging provider is applied once: a replay is answered 200 and
-- changes nothing.
CREATE TABLE webhook_delivery (
    delivery_id TEXT PRIMARY KEY CHECK (length(delivery_id) <= 100),
    received_at TIMESTAMPTZ NOT NULL
);
