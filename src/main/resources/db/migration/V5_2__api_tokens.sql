-- API tokens for integrations: a user's credentials as "Authorization: Bearer …". Only the SHA-256
-- of a token is kept; the token itself is shown once, when an ADMIN issues it.
CREATE TABLE api_token (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES app_user (id),
    name          TEXT NOT NULL,               -- what it is for, e.g. "회계 시스템"
    token_sha256  TEXT NOT NULL UNIQUE,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_token_user ON api_token (user_id);
