CREATE SCHEMA identity;
GRANT USAGE ON SCHEMA identity TO ${app_role};

CREATE TABLE identity.specialty (
  code    TEXT PRIMARY KEY,   -- NUCC Health Care Provider Taxonomy code
  display TEXT NOT NULL
);

CREATE TABLE identity.user_account (
  id                   UUID PRIMARY KEY,
  version              INT NOT NULL,
  email                TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('PATIENT','REFERRING_PHYSICIAN','COORDINATOR','SPECIALIST','ADMIN')),
  specialty_code       TEXT REFERENCES identity.specialty (code),
  preferred_language   TEXT NOT NULL DEFAULT 'en',
  must_change_password BOOLEAN NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE identity.login_throttle (
  username        TEXT PRIMARY KEY,
  failures        INT NOT NULL,
  last_failure_at TIMESTAMPTZ NOT NULL,
  locked_until    TIMESTAMPTZ
);

GRANT SELECT ON identity.specialty TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON identity.user_account TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.login_throttle TO ${app_role};

-- NUCC Health Care Provider Taxonomy code set (https://taxonomy.nucc.org/): specialties a second
-- opinion program commonly routes to.
INSERT INTO identity.specialty (code, display) VALUES
  ('207RC0000X', 'Cardiovascular Disease'),
  ('207RX0202X', 'Medical Oncology'),
  ('207RH0003X', 'Hematology & Oncology'),
  ('2084N0400X', 'Neurology'),
  ('207RG0100X', 'Gastroenterology'),
  ('207RE0101X', 'Endocrinology, Diabetes & Metabolism'),
  ('207RN0300X', 'Nephrology'),
  ('207RP1001X', 'Pulmonary Disease'),
  ('207RR0500X', 'Rheumatology'),
  ('207RI0200X', 'Infectious Disease'),
  ('207NX0000X', 'Dermatology'),
  ('207X00000X', 'Orthopaedic Surgery'),
  ('208600000X', 'Surgery'),
  ('2086S0122X', 'Plastic and Reconstructive Surgery'),
  ('207T00000X', 'Neurological Surgery'),
  ('208G00000X', 'Thoracic Surgery (Cardiothoracic Vascular Surgery)'),
  ('208800000X', 'Urology'),
  ('207V00000X', 'Obstetrics & Gynecology'),
  ('207W00000X', 'Ophthalmology'),
  ('207Y00000X', 'Otolaryngology'),
  ('2085R0202X', 'Diagnostic Radiology'),
  ('207ZP0102X', 'Anatomic Pathology & Clinical Pathology'),
  ('207SG0201X', 'Clinical Genetics (M.D.)'),
  ('2080P0210X', 'Pediatric Nephrology'),
  ('2084P0800X', 'Psychiatry'),
  ('2085R0001X', 'Radiation Oncology');
