-- The SHA-256 (hex) of each FHIR import's canonical JSON (keys sorted, no insignificant white space): the same Bundle
-- imported into a case again is recognised and not stored twice. Imports from before this column have none.
ALTER TABLE records.fhir_import ADD COLUMN content_sha256 TEXT;
CREATE UNIQUE INDEX fhir_import_case_content ON records.fhir_import (case_id, content_sha256)
  WHERE voided_at IS NULL AND content_sha256 IS NOT NULL;
