-- Each signed version of a case's opinion (version 1 at signing; addenda will add versions) with the SHA-256 of its
-- canonical JSON (RFC 8785), printed on the first page of its PDF and looked up by the verification page.
CREATE TABLE opinion.signed_version (
  case_id      UUID NOT NULL,
  version      INT NOT NULL CHECK (version >= 1),
  fingerprint  CHAR(64) NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  signed_at    TIMESTAMPTZ NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, version)
);

GRANT SELECT, INSERT ON opinion.signed_version TO ${app_role};
