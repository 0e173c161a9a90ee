CREATE SCHEMA intake;
GRANT USAGE ON SCHEMA intake TO ${app_role};

CREATE TABLE intake.opinion_request (
  id                      UUID PRIMARY KEY,
  version                 INT NOT NULL,
  status                  TEXT NOT NULL,
  patient_id              UUID NOT NULL,
  referrer_id             UUID,
  created_by              UUID NOT NULL,
  request_token           UUID NOT NULL,
  coordinator_id          UUID,
  specialist_id           UUID,
  reason                  TEXT NOT NULL,
  first_diagnosis_text    TEXT NOT NULL,
  first_diagnosis_system  TEXT,
  first_diagnosis_code    TEXT NOT NULL,
  proposed_treatment      TEXT NOT NULL,
  first_physician         TEXT NOT NULL,
  first_institution       TEXT NOT NULL,
  first_opinion_date      DATE,
  symptoms_and_history    TEXT NOT NULL,
  urgency                 TEXT NOT NULL,
  consent_to_share        BOOLEAN NOT NULL,
  consent_at              TIMESTAMPTZ,
  specialty_code          TEXT,
  decline_reason          TEXT,
  status_note             TEXT,
  impression_recorded_at  TIMESTAMPTZ,
  created_at              TIMESTAMPTZ NOT NULL,
  UNIQUE (created_by, request_token)
);
CREATE INDEX opinion_request_patient ON intake.opinion_request (patient_id);
CREATE INDEX opinion_request_specialist ON intake.opinion_request (specialist_id);
CREATE INDEX opinion_request_status ON intake.opinion_request (status);

CREATE TABLE intake.patient_question (
  opinion_request_id UUID NOT NULL REFERENCES intake.opinion_request (id),
  position           INT NOT NULL,
  text               TEXT NOT NULL,
  PRIMARY KEY (opinion_request_id, position)
);

CREATE TABLE intake.status_change (
  id                 BIGSERIAL PRIMARY KEY,
  opinion_request_id UUID NOT NULL REFERENCES intake.opinion_request (id),
  from_status        TEXT,
  to_status          TEXT NOT NULL,
  at                 TIMESTAMPTZ NOT NULL,
  by_user            UUID NOT NULL,
  note               TEXT
);
CREATE INDEX status_change_case ON intake.status_change (opinion_request_id, at);

GRANT SELECT, INSERT, UPDATE ON intake.opinion_request TO ${app_role};
-- Data JDBC replaces a list by deleting and re-inserting its rows; questions are draft content, editable only in DRAFT.
GRANT SELECT, INSERT, DELETE ON intake.patient_question TO ${app_role};
GRANT SELECT, INSERT ON intake.status_change TO ${app_role};
GRANT USAGE ON SEQUENCE intake.status_change_id_seq TO ${app_role};
