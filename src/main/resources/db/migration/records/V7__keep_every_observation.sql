-- Issue #14: the clinical summary keeps every validated resource of an import (every observation, not only the latest
-- per code), with each observation's category (vital-signs, laboratory, ...) and its quantities (a JSON array of
-- {label, labelCode, comparator, value, unit, ucum}) so that values can be shown at a sensible precision, units as people
-- write them and repeated results as a trend. Imports stored before this migration kept only the latest observation per
-- code and the Bundle itself was not kept, so they cannot be re-derived: they are marked partial (summary_complete false);
-- importing the same Bundle again replaces such an import (the partial one is voided with a reason).
ALTER TABLE records.fhir_import ADD COLUMN summary_complete BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE records.summary_entry
  ADD COLUMN kind         TEXT,
  ADD COLUMN measurements TEXT;
