-- The specialists of a panel besides its chair (the case's assigned specialist, who writes the consensus). Each member
-- gets access to the case and, like the chair, sees the first opinion only after their own impression.
CREATE TABLE intake.panel_member (
  opinion_request_id      UUID NOT NULL REFERENCES intake.opinion_request (id),
  member_id               UUID NOT NULL,
  impression_recorded_at  TIMESTAMPTZ,
  PRIMARY KEY (opinion_request_id, member_id)
);
CREATE INDEX panel_member_member ON intake.panel_member (member_id);

-- Data JDBC replaces the set by deleting and re-inserting its rows on each save of the case.
GRANT SELECT, INSERT, DELETE ON intake.panel_member TO ${app_role};
