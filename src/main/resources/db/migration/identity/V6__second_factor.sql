-- The second factor of a local account: a TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s), Base32 as authenticator apps
-- read it. Stored as it is: the documents' master key (records.vault) is internal to records and not shared. Enrolment
-- waits for the first right code (confirmed_at); last_used_step is the last accepted time step, so a code is accepted
-- once.
CREATE TABLE identity.second_factor (
  account_id     UUID PRIMARY KEY REFERENCES identity.user_account (id),
  secret         TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  confirmed_at   TIMESTAMPTZ,
  last_used_step BIGINT
);

-- Single-use recovery codes, stored only as their SHA-256 (each code carries about 80 random bits).
CREATE TABLE identity.recovery_code (
  account_id UUID NOT NULL REFERENCES identity.user_account (id),
  code_hash  TEXT NOT NULL,
  used_at    TIMESTAMPTZ,
  PRIMARY KEY (account_id, code_hash)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON identity.second_factor TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.recovery_code TO ${app_role};
