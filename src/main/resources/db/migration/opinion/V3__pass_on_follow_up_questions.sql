-- A follow-up question whose specialist left (their account was deactivated) before answering it is passed on: to
-- another specialist of the case's panel (passed_to), or to the coordinators (passed_to NULL). The question and its
-- asker stay as they were; passed_at and pass_reason say when and why.
ALTER TABLE opinion.follow_up_question
  ADD COLUMN passed_at    TIMESTAMPTZ,
  ADD COLUMN passed_to    UUID,
  ADD COLUMN pass_reason  TEXT,
  ADD CHECK ((passed_at IS NULL) = (pass_reason IS NULL));

GRANT UPDATE (passed_at, passed_to, pass_reason) ON opinion.follow_up_question TO ${app_role};
