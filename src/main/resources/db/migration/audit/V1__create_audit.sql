CREATE SCHEMA audit;
GRANT USAGE ON SCHEMA audit TO ${app_role};

-- Append-only: the application role may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE.
CREATE TABLE audit.audit_event (
  id          BIGSERIAL PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor_id    UUID,
  actor_role  TEXT NOT NULL,
  action      TEXT NOT NULL,
  case_id     UUID,
  record_type TEXT,
  record_id   UUID,
  outcome     TEXT NOT NULL CHECK (outcome IN ('SUCCESS','DENIED','FAILED'))
);
CREATE INDEX audit_event_case ON audit.audit_event (case_id, occurred_at);
CREATE INDEX audit_event_actor ON audit.audit_event (actor_id, occurred_at);

GRANT SELECT, INSERT ON audit.audit_event TO ${app_role};
GRANT USAGE ON SEQUENCE audit.audit_event_id_seq TO ${app_role};
