CREATE SCHEMA phenotype;
GRANT USAGE ON SCHEMA phenotype TO ${app_role};

-- A phenopacket imported into a case: its id and its diagnosis (e.g. OMIM:148600 and label) as the file states it.
CREATE TABLE phenotype.phenopacket_import (
  id               UUID PRIMARY KEY,
  case_id          UUID NOT NULL,
  phenopacket_id   TEXT NOT NULL,
  diagnosis_id     TEXT,
  diagnosis_label  TEXT,
  imported_by      UUID NOT NULL,
  imported_at      TIMESTAMPTZ NOT NULL,
  voided_at        TIMESTAMPTZ,
  voided_by        UUID,
  void_reason      TEXT
);
CREATE INDEX phenopacket_import_case ON phenotype.phenopacket_import (case_id);

-- The case's phenotype: HPO terms (below HP:0000118), observed or excluded, with an optional onset (an HPO onset term
-- below HP:0003674, an age as ISO 8601 period, or a gestational age). Removed terms are voided, never deleted.
CREATE TABLE phenotype.phenotypic_feature (
  id                      UUID PRIMARY KEY,
  case_id                 UUID NOT NULL,
  hpo_id                  TEXT NOT NULL CHECK (hpo_id ~ '^HP:[0-9]{7}$'),
  label                   TEXT NOT NULL,
  excluded                BOOLEAN NOT NULL,
  onset_hpo_id            TEXT CHECK (onset_hpo_id ~ '^HP:[0-9]{7}$'),
  onset_label             TEXT,
  onset_age               TEXT,
  onset_gestational_weeks INT CHECK (onset_gestational_weeks >= 0),
  onset_gestational_days  INT CHECK (onset_gestational_days BETWEEN 0 AND 6),
  import_id               UUID REFERENCES phenotype.phenopacket_import (id),
  added_by                UUID NOT NULL,
  added_at                TIMESTAMPTZ NOT NULL,
  voided_at               TIMESTAMPTZ,
  voided_by               UUID,
  void_reason             TEXT
);
CREATE INDEX phenotypic_feature_case ON phenotype.phenotypic_feature (case_id) WHERE voided_at IS NULL;

GRANT SELECT, INSERT ON phenotype.phenopacket_import, phenotype.phenotypic_feature TO ${app_role};
GRANT UPDATE (voided_at, voided_by, void_reason) ON phenotype.phenopacket_import, phenotype.phenotypic_feature TO ${app_role};
