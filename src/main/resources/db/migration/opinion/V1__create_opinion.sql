CREATE SCHEMA opinion;
GRANT USAGE ON SCHEMA opinion TO ${app_role};

-- Up to three questions the patient (or referrer) asks after delivery; the assigned specialist answers each as an
-- addendum to the signed opinion.
CREATE TABLE opinion.follow_up_question (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL,
  asked_by     UUID NOT NULL,
  asked_at     TIMESTAMPTZ NOT NULL,
  question     TEXT NOT NULL,
  answer       TEXT,
  answered_by  UUID,
  answered_at  TIMESTAMPTZ,
  CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
);
CREATE INDEX follow_up_question_case ON opinion.follow_up_question (case_id, asked_at);

-- The patient's feedback when closing the case; one per case.
CREATE TABLE opinion.feedback (
  case_id            UUID PRIMARY KEY,
  given_by           UUID NOT NULL,
  given_at           TIMESTAMPTZ NOT NULL,
  satisfaction       INT NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  intends_to_follow  TEXT NOT NULL CHECK (intends_to_follow IN ('YES', 'NO', 'UNSURE')),
  comment            TEXT NOT NULL DEFAULT ''
);

GRANT SELECT, INSERT ON opinion.follow_up_question TO ${app_role};
-- UPDATE only to record the answer to a question that has none yet.
GRANT UPDATE (answer, answered_by, answered_at) ON opinion.follow_up_question TO ${app_role};
GRANT SELECT, INSERT ON opinion.feedback TO ${app_role};
