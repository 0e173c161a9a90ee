-- The differential diagnosis computed from a case's phenotype, kept so that an opinion can later show what the
-- specialist saw: the inputs (observed and excluded HPO ids), the HPO release and engine settings, the number of
-- candidates and the top candidates with their per-term explanation (JSON). A new row is added whenever the phenotype,
-- the release or the engine changes; rows are never updated except to add, once, how the first opinion's diagnosis
-- ranked when a specialist who had saved an impression first looked at it.
CREATE TABLE phenotype.differential_ranking (
  id                    UUID PRIMARY KEY,
  case_id               UUID NOT NULL,
  computed_at           TIMESTAMPTZ NOT NULL,
  computed_by           UUID NOT NULL,
  hpo_release           TEXT NOT NULL,
  engine                TEXT NOT NULL,
  inputs_digest         TEXT NOT NULL,
  observed              TEXT[] NOT NULL,
  excluded              TEXT[] NOT NULL,
  candidate_count       INT NOT NULL CHECK (candidate_count >= 0),
  top_candidates        JSONB NOT NULL,
  submitted_check       JSONB,
  submitted_checked_at  TIMESTAMPTZ,
  submitted_checked_by  UUID
);
CREATE INDEX differential_ranking_case ON phenotype.differential_ranking (case_id, computed_at DESC);

GRANT SELECT, INSERT ON phenotype.differential_ranking TO ${app_role};
GRANT UPDATE (submitted_check, submitted_checked_at, submitted_checked_by) ON phenotype.differential_ranking TO ${app_role};
