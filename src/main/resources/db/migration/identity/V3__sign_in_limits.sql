-- Sign-in limits (Bucket4j token buckets, one row per bucket). The id is a kind ("origin", "account-origin", "account")
-- and the SHA-256 of the typed address and client address, never the address itself; expires_at is Bucket4j's (epoch
-- milliseconds), after which a full bucket's row may be removed.
CREATE TABLE identity.sign_in_limit (
  id         TEXT PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX sign_in_limit_expiry ON identity.sign_in_limit (expires_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON identity.sign_in_limit TO ${app_role};

-- Replaced by sign_in_limit: its lock per typed address let anyone lock a coordinator out.
DROP TABLE identity.login_throttle;
