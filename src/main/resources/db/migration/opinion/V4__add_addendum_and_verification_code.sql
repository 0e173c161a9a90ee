-- An addendum to the delivered opinion by its specialist: each makes a new signed version (2, 3, ...) of the opinion,
-- which is the signed opinion plus every addendum up to that version. Never changed or deleted.
CREATE TABLE opinion.addendum (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL,
  version     INT NOT NULL CHECK (version >= 2),
  text        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  written_by  UUID NOT NULL,
  written_at  TIMESTAMPTZ NOT NULL,
  UNIQUE (case_id, version)
);

-- The case's code for checking a document without signing in: only its SHA-256 (hex, salted with the case id) is kept.
-- A new code replaces the old one.
CREATE TABLE opinion.verification_code (
  case_id     UUID PRIMARY KEY,
  code_hash   CHAR(64) NOT NULL,
  created_by  UUID NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

-- Each check of a document without signing in, for the attempt limits: the origin only as a SHA-256, the case when the
-- fingerprint named one.
CREATE TABLE opinion.verification_attempt (
  id           UUID PRIMARY KEY,
  origin_hash  CHAR(64) NOT NULL,
  case_id      UUID,
  succeeded    BOOLEAN NOT NULL,
  attempted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX verification_attempt_origin ON opinion.verification_attempt (origin_hash, attempted_at);
CREATE INDEX verification_attempt_case ON opinion.verification_attempt (case_id, attempted_at);

GRANT SELECT, INSERT ON opinion.addendum TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON opinion.verification_code TO ${app_role};
GRANT SELECT, INSERT ON opinion.verification_attempt TO ${app_role};
