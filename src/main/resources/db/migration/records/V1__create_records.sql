CREATE SCHEMA records;
GRANT USAGE ON SCHEMA records TO ${app_role};

-- Uploaded documents: the bytes live in the document store under storage_key (opaque), never under the uploaded name.
CREATE TABLE records.document (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL,
  file_name    TEXT NOT NULL,
  media_type   TEXT NOT NULL,
  size_bytes   BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  storage_key  TEXT NOT NULL UNIQUE,
  uploaded_by  UUID NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL,
  voided_at    TIMESTAMPTZ,
  voided_by    UUID,
  void_reason  TEXT
);
CREATE INDEX document_case ON records.document (case_id);

CREATE TABLE records.fhir_import (
  id                 UUID PRIMARY KEY,
  case_id            UUID NOT NULL,
  file_name          TEXT NOT NULL,
  bundle_type        TEXT NOT NULL,
  entry_count        INT NOT NULL,
  warnings           TEXT NOT NULL,
  patient_family     TEXT,
  patient_given      TEXT,
  patient_birth_date DATE,
  imported_by        UUID NOT NULL,
  imported_at        TIMESTAMPTZ NOT NULL,
  voided_at          TIMESTAMPTZ,
  voided_by          UUID,
  void_reason        TEXT
);
CREATE INDEX fhir_import_case ON records.fhir_import (case_id);

-- The clinical summary of an import: one row per condition, medication, allergy and procedure, and the latest
-- observation per code, each linked to its source entry in the bundle.
CREATE TABLE records.summary_entry (
  id           BIGSERIAL PRIMARY KEY,
  import_id    UUID NOT NULL REFERENCES records.fhir_import (id),
  case_id      UUID NOT NULL,
  category     TEXT NOT NULL,
  system       TEXT,
  code         TEXT,
  display      TEXT,
  date         TEXT,
  value        TEXT,
  status       TEXT,
  source_entry TEXT
);
CREATE INDEX summary_entry_case ON records.summary_entry (case_id, category);

GRANT SELECT, INSERT, UPDATE ON records.document, records.fhir_import TO ${app_role};
GRANT SELECT, INSERT ON records.summary_entry TO ${app_role};
GRANT USAGE ON SEQUENCE records.summary_entry_id_seq TO ${app_role};
