-- Resources that several FHIR imports of one case share (Organization, Practitioner, Location, ...), by identifier:
-- a later import's conditional reference (Organization?identifier=system|value) resolves to them, and importing the
-- same resource again does not store it a second time. identifier_system is '' for an identifier without a system.
CREATE TABLE records.fhir_identified_resource (
  id                BIGSERIAL PRIMARY KEY,
  case_id           UUID NOT NULL,
  resource_type     TEXT NOT NULL,
  identifier_system TEXT NOT NULL,
  identifier_value  TEXT NOT NULL,
  import_id         UUID NOT NULL REFERENCES records.fhir_import (id),
  full_url          TEXT,
  UNIQUE (case_id, resource_type, identifier_system, identifier_value)
);
CREATE INDEX fhir_identified_resource_value ON records.fhir_identified_resource (case_id, resource_type, identifier_value);

-- Per import: how many shared resources it added and how many were already on file; who confirmed that the
-- Bundle's Patient differs from the case's patient (null when it did not differ).
ALTER TABLE records.fhir_import
  ADD COLUMN shared_resources_added INT NOT NULL DEFAULT 0,
  ADD COLUMN shared_resources_known INT NOT NULL DEFAULT 0,
  ADD COLUMN patient_mismatch_confirmed_by UUID;

GRANT SELECT, INSERT ON records.fhir_identified_resource TO ${app_role};
GRANT USAGE ON SEQUENCE records.fhir_identified_resource_id_seq TO ${app_role};
