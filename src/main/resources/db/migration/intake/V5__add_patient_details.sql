-- Who the case is about (issue #11, "the right patient"): entered at intake by the patient or for them, compared with
-- every FHIR import. Nullable: drafts may lack them, and cases from before this migration have none ("not recorded")
-- until a confirmed import supplies them. The sex is a FHIR AdministrativeGender code.
ALTER TABLE intake.opinion_request
  ADD COLUMN patient_family_name TEXT,
  ADD COLUMN patient_given_names TEXT,
  ADD COLUMN patient_birth_date  DATE,
  ADD COLUMN patient_sex         TEXT CHECK (patient_sex IN ('male', 'female', 'other', 'unknown'));
