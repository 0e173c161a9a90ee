-- Panels: every member records their own blinded-first impression, so one impression per specialist and case.
ALTER TABLE review.impression DROP CONSTRAINT impression_case_id_key;
ALTER TABLE review.impression ADD CONSTRAINT impression_case_specialist UNIQUE (case_id, specialist_id);

-- A panel member's independent opinion, saved once; other members read it only after saving their own.
CREATE TABLE review.panel_opinion (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL,
  member_id    UUID NOT NULL,
  concordance  TEXT NOT NULL,
  opinion      TEXT NOT NULL,
  saved_at     TIMESTAMPTZ NOT NULL,
  UNIQUE (case_id, member_id)
);

-- A member's dissent from the panel's consensus; it stays visible in the delivered opinion.
CREATE TABLE review.panel_dissent (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL,
  member_id    UUID NOT NULL,
  dissent      TEXT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  UNIQUE (case_id, member_id)
);

GRANT SELECT, INSERT ON review.panel_opinion TO ${app_role};
GRANT SELECT, INSERT ON review.panel_dissent TO ${app_role};
