-- A referring physician's draft names the patient by e-mail; the case is linked to a patient account only when that
-- patient accepts (issue #11, "accounts that cannot be abused"). Until then the draft has no patient and cannot be
-- submitted. The invitation is matched on the signed-in patient's own address and the code the referrer hands over.
ALTER TABLE intake.opinion_request ALTER COLUMN patient_id DROP NOT NULL;
ALTER TABLE intake.opinion_request
  ADD CONSTRAINT opinion_request_patient_before_submit CHECK (patient_id IS NOT NULL OR status = 'DRAFT');

CREATE TABLE intake.patient_invitation (
  case_id     UUID PRIMARY KEY REFERENCES intake.opinion_request (id),
  email       TEXT NOT NULL,
  code        TEXT NOT NULL UNIQUE,
  created_at  TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  accepted_at TIMESTAMPTZ
);
CREATE INDEX patient_invitation_open_by_email ON intake.patient_invitation (email) WHERE accepted_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON intake.patient_invitation TO ${app_role};
