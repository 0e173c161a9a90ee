CREATE SCHEMA triage;
GRANT USAGE ON SCHEMA triage TO ${app_role};

-- The specialty whose completeness checklist applies to a case before triage names one (NUCC taxonomy code).
CREATE TABLE triage.checklist (
  case_id         UUID PRIMARY KEY,
  specialty_code  TEXT NOT NULL,
  chosen_by       UUID NOT NULL,
  chosen_at       TIMESTAMPTZ NOT NULL
);

-- The coordinator's tick per checklist item: present in the records, or requested from the patient; who and when.
CREATE TABLE triage.checklist_item (
  case_id      UUID NOT NULL,
  item         TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('MISSING', 'PRESENT', 'REQUESTED')),
  recorded_by  UUID NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, item)
);

-- A finding in the records that needs care within days, marked by a specialist; kept inside the case, audited.
CREATE TABLE triage.urgent_finding (
  id               UUID PRIMARY KEY,
  case_id          UUID NOT NULL,
  marked_by        UUID NOT NULL,
  marked_at        TIMESTAMPTZ NOT NULL,
  finding          TEXT NOT NULL,
  acknowledged_by  UUID,
  acknowledged_at  TIMESTAMPTZ,
  CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
);
CREATE INDEX urgent_finding_case ON triage.urgent_finding (case_id, marked_at);
CREATE INDEX urgent_finding_open ON triage.urgent_finding (marked_at) WHERE acknowledged_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON triage.checklist TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON triage.checklist_item TO ${app_role};
-- A finding is never changed or deleted; only the coordinator's acknowledgement is added.
GRANT SELECT, INSERT ON triage.urgent_finding TO ${app_role};
GRANT UPDATE (acknowledged_by, acknowledged_at) ON triage.urgent_finding TO ${app_role};
