CREATE SCHEMA notification;
GRANT USAGE ON SCHEMA notification TO ${app_role};

-- In-app notices: one per event per recipient (event_key names the event, e.g. case + new status + instant).
CREATE TABLE notification.notice (
  id           UUID PRIMARY KEY,
  recipient_id UUID NOT NULL,
  kind         TEXT NOT NULL,
  case_id      UUID,
  event_key    TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  read_at      TIMESTAMPTZ,
  UNIQUE (recipient_id, event_key)
);
CREATE INDEX notice_by_recipient ON notification.notice (recipient_id, created_at DESC);

-- E-mail outbox, written in the transaction of the change that causes the message. message_id is fixed when the
-- row is written and set on every attempt. body is cleared once sent (it may hold a single-use account link).
CREATE TABLE notification.outbox_message (
  id              UUID PRIMARY KEY,
  message_id      TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  recipient_id    UUID,
  to_address      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT,
  status          TEXT NOT NULL CHECK (status IN ('PENDING','SENT','FAILED','SKIPPED')),
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  last_error      TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  sent_at         TIMESTAMPTZ
);
CREATE INDEX outbox_message_due ON notification.outbox_message (next_attempt_at) WHERE status = 'PENDING';

-- Each threshold of each clock of each case escalates once.
CREATE TABLE notification.escalation (
  case_id           UUID NOT NULL,
  clock             TEXT NOT NULL CHECK (clock IN ('triage','review')),
  threshold_percent INT NOT NULL CHECK (threshold_percent IN (50, 80, 100)),
  reached_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, clock, threshold_percent)
);

GRANT SELECT, INSERT, UPDATE ON notification.notice TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON notification.outbox_message TO ${app_role};
GRANT SELECT, INSERT ON notification.escalation TO ${app_role};
