-- Where the patient lives and which language they want the opinion in, for specialist matching. One row per case,
-- written when someone records them; without a row the patient's account language applies and the place is unknown.
CREATE TABLE intake.patient_locale (
  opinion_request_id  UUID PRIMARY KEY REFERENCES intake.opinion_request (id),
  preferred_language  TEXT,
  jurisdiction        TEXT,
  updated_at          TIMESTAMPTZ NOT NULL,
  updated_by          UUID NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON intake.patient_locale TO ${app_role};
