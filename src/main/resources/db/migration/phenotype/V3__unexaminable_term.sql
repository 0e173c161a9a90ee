-- A term that "What to check next" suggested and that the reviewing specialist noted cannot be examined for this case
-- (e.g. no slit-lamp examination to be had, the patient deceased). It changes nothing in the phenotype: the term is
-- neither observed nor excluded, the ranking stays as it is; it is only not suggested again for the case.
CREATE TABLE phenotype.unexaminable_term (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL,
  hpo_id       TEXT NOT NULL CHECK (hpo_id ~ '^HP:[0-9]{7}$'),
  recorded_by  UUID NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  UNIQUE (case_id, hpo_id)
);

GRANT SELECT, INSERT ON phenotype.unexaminable_term TO ${app_role};
