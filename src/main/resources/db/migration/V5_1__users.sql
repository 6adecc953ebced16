-- People who sign in. A LANDLORD user is bound to one landlord record and sees only its buildings.
CREATE TABLE app_user (
    id               BIGSERIAL PRIMARY KEY,
    username         TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,            -- bcrypt
    role             TEXT NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'LANDLORD')),
    landlord_id      BIGINT REFERENCES landlord (id),
    display_name     TEXT,
    failed_attempts  INT NOT NULL DEFAULT 0,
    locked           BOOLEAN NOT NULL DEFAULT FALSE, -- set after repeated failures; only an ADMIN unlocks
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((role = 'LANDLORD') = (landlord_id IS NOT NULL))
);
