-- Self-registered patients stay inactive until they use the link sent to their address; existing accounts are active.
ALTER TABLE identity.user_account ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

-- Single-use, expiring links (address verification, password reset). Only the SHA-256 of the token is stored.
CREATE TABLE identity.account_token (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES identity.user_account (id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('VERIFY_EMAIL','RESET_PASSWORD')),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at    TIMESTAMPTZ
);
CREATE INDEX account_token_by_account ON identity.account_token (account_id, purpose);

GRANT SELECT, INSERT, UPDATE ON identity.account_token TO ${app_role};
