CREATE SCHEMA review;
GRANT USAGE ON SCHEMA review TO ${app_role};

-- The assigned specialist's independent impression, written before the first opinion is shown. Recorded once.
CREATE TABLE review.impression (
  id                        UUID PRIMARY KEY,
  case_id                   UUID NOT NULL UNIQUE,
  specialist_id             UUID NOT NULL,
  recorded_at               TIMESTAMPTZ NOT NULL,
  impression                TEXT NOT NULL,
  working_diagnosis_text    TEXT,
  working_diagnosis_system  TEXT,
  working_diagnosis_code    TEXT
);

-- Clarifying questions from the specialist to the patient, and the patient's (or referrer's) answer.
CREATE TABLE review.clarification (
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
CREATE INDEX clarification_case ON review.clarification (case_id, asked_at);

-- The structured written opinion, one per case: a draft saved repeatedly (optimistic locking on version), then
-- signed once and frozen.
CREATE TABLE review.written_opinion (
  id                 UUID PRIMARY KEY,
  case_id            UUID NOT NULL UNIQUE,
  specialist_id      UUID NOT NULL,
  version            INT NOT NULL,
  concordance        TEXT,
  treatment_review   TEXT,
  treatment_comment  TEXT NOT NULL DEFAULT '',
  further_work_up    TEXT NOT NULL DEFAULT '',
  limitations        TEXT NOT NULL DEFAULT '',
  plain_summary      TEXT NOT NULL DEFAULT '',
  created_at         TIMESTAMPTZ NOT NULL,
  updated_at         TIMESTAMPTZ NOT NULL,
  signed_at          TIMESTAMPTZ,
  signed_by          UUID,
  CHECK ((signed_at IS NULL) = (signed_by IS NULL))
);

CREATE TABLE review.opinion_diagnosis (
  written_opinion_id UUID NOT NULL REFERENCES review.written_opinion (id),
  position           INT NOT NULL,
  text               TEXT NOT NULL,
  code_system        TEXT,
  code               TEXT,
  PRIMARY KEY (written_opinion_id, position)
);

CREATE TABLE review.opinion_treatment_option (
  written_opinion_id UUID NOT NULL REFERENCES review.written_opinion (id),
  position           INT NOT NULL,
  name               TEXT NOT NULL,
  invasiveness       TEXT,
  expected_benefit   TEXT NOT NULL,
  risks              TEXT NOT NULL,
  evidence           TEXT NOT NULL,
  PRIMARY KEY (written_opinion_id, position)
);

-- The answer to the patient's question at the same position (intake.patient_question.position, 0-based).
CREATE TABLE review.opinion_answer (
  written_opinion_id UUID NOT NULL REFERENCES review.written_opinion (id),
  position           INT NOT NULL,
  answer             TEXT NOT NULL,
  PRIMARY KEY (written_opinion_id, position)
);

-- A signed opinion is frozen in the database too, not only in the application.
CREATE FUNCTION review.reject_change_to_signed_opinion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  opinion_id UUID;
BEGIN
  IF TG_TABLE_NAME = 'written_opinion' THEN
    opinion_id := OLD.id;
  ELSE
    opinion_id := OLD.written_opinion_id;
  END IF;
  IF EXISTS (SELECT 1 FROM review.written_opinion w WHERE w.id = opinion_id AND w.signed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'a signed opinion cannot be changed';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER written_opinion_frozen BEFORE UPDATE OR DELETE ON review.written_opinion
  FOR EACH ROW EXECUTE FUNCTION review.reject_change_to_signed_opinion();
CREATE TRIGGER opinion_diagnosis_frozen BEFORE UPDATE OR DELETE ON review.opinion_diagnosis
  FOR EACH ROW EXECUTE FUNCTION review.reject_change_to_signed_opinion();
CREATE TRIGGER opinion_treatment_option_frozen BEFORE UPDATE OR DELETE ON review.opinion_treatment_option
  FOR EACH ROW EXECUTE FUNCTION review.reject_change_to_signed_opinion();
CREATE TRIGGER opinion_answer_frozen BEFORE UPDATE OR DELETE ON review.opinion_answer
  FOR EACH ROW EXECUTE FUNCTION review.reject_change_to_signed_opinion();

GRANT SELECT, INSERT ON review.impression TO ${app_role};
-- UPDATE only to record the answer (the application updates rows whose answer is still empty).
GRANT SELECT, INSERT ON review.clarification TO ${app_role};
GRANT UPDATE (answer, answered_by, answered_at) ON review.clarification TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON review.written_opinion TO ${app_role};
-- A draft's rows are replaced on each save (delete and re-insert); the triggers refuse it once signed.
GRANT SELECT, INSERT, DELETE ON review.opinion_diagnosis TO ${app_role};
GRANT SELECT, INSERT, DELETE ON review.opinion_treatment_option TO ${app_role};
GRANT SELECT, INSERT, DELETE ON review.opinion_answer TO ${app_role};
