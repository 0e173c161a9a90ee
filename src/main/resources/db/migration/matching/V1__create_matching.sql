CREATE SCHEMA matching;
GRANT USAGE ON SCHEMA matching TO ${app_role};

-- A specialist's directory entry, keyed by their account id (identity.user_account, referenced by id only).
CREATE TABLE matching.specialist_profile (
  specialist_id    UUID PRIMARY KEY,
  version          INT NOT NULL,
  institution      TEXT NOT NULL DEFAULT '',
  weekly_capacity  INT NOT NULL CHECK (weekly_capacity BETWEEN 0 AND 100),
  updated_at       TIMESTAMPTZ NOT NULL,
  updated_by       UUID NOT NULL
);

-- The profile's lists, replaced together with the profile on every save.
CREATE TABLE matching.profile_specialty (
  specialist_id  UUID NOT NULL REFERENCES matching.specialist_profile (specialist_id),
  code           TEXT NOT NULL,
  position       INT NOT NULL,
  PRIMARY KEY (specialist_id, code)
);
CREATE TABLE matching.profile_disease (
  specialist_id  UUID NOT NULL REFERENCES matching.specialist_profile (specialist_id),
  system         TEXT NOT NULL,
  code           TEXT NOT NULL,
  PRIMARY KEY (specialist_id, system, code)
);
CREATE TABLE matching.profile_language (
  specialist_id  UUID NOT NULL REFERENCES matching.specialist_profile (specialist_id),
  tag            TEXT NOT NULL,
  PRIMARY KEY (specialist_id, tag)
);
CREATE TABLE matching.profile_licence (
  specialist_id  UUID NOT NULL REFERENCES matching.specialist_profile (specialist_id),
  jurisdiction   TEXT NOT NULL,
  PRIMARY KEY (specialist_id, jurisdiction)
);
CREATE TABLE matching.profile_absence (
  specialist_id  UUID NOT NULL REFERENCES matching.specialist_profile (specialist_id),
  first_day      DATE NOT NULL,
  last_day       DATE NOT NULL CHECK (last_day >= first_day),
  PRIMARY KEY (specialist_id, first_day, last_day)
);

-- Every assignment made through matching: where the chosen specialist ranked, and the coordinator's reason when they
-- chose someone outside the top five or an ineligible specialist. Append-only.
CREATE TABLE matching.assignment_decision (
  id               BIGSERIAL PRIMARY KEY,
  case_id          UUID NOT NULL,
  specialist_id    UUID NOT NULL,
  specialty_code   TEXT NOT NULL,
  rank             INT NOT NULL,
  eligible         BOOLEAN NOT NULL,
  score            INT NOT NULL,
  override_reason  TEXT,
  decided_by       UUID NOT NULL,
  decided_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX assignment_decision_case ON matching.assignment_decision (case_id, decided_at);

GRANT SELECT, INSERT, UPDATE ON matching.specialist_profile TO ${app_role};
GRANT SELECT, INSERT, DELETE ON matching.profile_specialty, matching.profile_disease, matching.profile_language,
  matching.profile_licence, matching.profile_absence TO ${app_role};
GRANT SELECT, INSERT ON matching.assignment_decision TO ${app_role};
GRANT USAGE ON SEQUENCE matching.assignment_decision_id_seq TO ${app_role};
