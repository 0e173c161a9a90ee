-- The patient's sharing choices as FHIR-Consent-shaped records (https://hl7.org/fhir/R4/consent.html), issue #12 item 5.
-- Append-only: a change of a choice is a new row of the same consent_id with the next version; the current state of a
-- consent is its highest version. The application role may INSERT and SELECT, never UPDATE or DELETE.
CREATE SCHEMA sharing;
GRANT USAGE ON SCHEMA sharing TO ${app_role};

CREATE TABLE sharing.consent (
  id                   BIGSERIAL PRIMARY KEY,
  consent_id           UUID NOT NULL,
  version              INT NOT NULL,
  case_id              UUID NOT NULL,
  -- what the patient chose: REVIEWERS, TREATING_PHYSICIAN, REFERRING_PHYSICIAN, RESEARCH
  choice               TEXT NOT NULL CHECK (choice IN ('REVIEWERS','TREATING_PHYSICIAN','REFERRING_PHYSICIAN','RESEARCH')),
  -- Consent.status (http://hl7.org/fhir/consent-state-codes)
  status               TEXT NOT NULL CHECK (status IN ('active','inactive')),
  -- Consent.scope (http://terminology.hl7.org/CodeSystem/consentscope): patient-privacy or research
  scope                TEXT NOT NULL,
  -- Consent.category (LOINC): 59284-0 Patient Consent
  category             TEXT NOT NULL,
  -- Consent.provision.actor: role (http://terminology.hl7.org/CodeSystem/v3-ParticipationType, IRCP) and who
  provision_actor_role TEXT NOT NULL,
  provision_actor      TEXT NOT NULL,
  -- Consent.provision.purpose (http://terminology.hl7.org/CodeSystem/v3-ActReason): TREAT or HRESCH
  provision_purpose    TEXT NOT NULL,
  -- Consent.dateTime: when this version was given or revoked
  date_time            TIMESTAMPTZ NOT NULL,
  recorded_by          UUID,
  source               TEXT NOT NULL,
  UNIQUE (consent_id, version)
);
CREATE INDEX consent_case ON sharing.consent (case_id, consent_id, version);

GRANT SELECT, INSERT ON sharing.consent TO ${app_role};
GRANT USAGE ON SEQUENCE sharing.consent_id_seq TO ${app_role};

-- A link that sends the signed opinion (and the documents the patient ticked) to a physician outside the program.
-- Only hashes of the token in the link and of the one-time code are kept.
CREATE TABLE sharing.physician_link (
  id               UUID PRIMARY KEY,
  case_id          UUID NOT NULL,
  consent_id       UUID NOT NULL,
  recipient        TEXT NOT NULL CHECK (recipient IN ('TREATING_PHYSICIAN','REFERRING_PHYSICIAN')),
  physician_name   TEXT NOT NULL,
  institution      TEXT NOT NULL,
  email            TEXT NOT NULL,
  document_ids     UUID[] NOT NULL,
  document_names   TEXT[] NOT NULL,
  token_hash       TEXT NOT NULL UNIQUE,
  code_hash        TEXT,
  code_expires_at  TIMESTAMPTZ,
  failed_attempts  INT NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ NOT NULL,
  expires_at       TIMESTAMPTZ NOT NULL,
  opened_at        TIMESTAMPTZ,
  locked_at        TIMESTAMPTZ,
  sent_by          UUID NOT NULL
);
CREATE INDEX physician_link_case ON sharing.physician_link (case_id);

GRANT SELECT, INSERT, UPDATE ON sharing.physician_link TO ${app_role};
