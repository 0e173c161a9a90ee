-- An unsigned draft is voided with a reason (its specialist's account was deactivated), never deleted. A case then has
-- at most one opinion that is not voided, so the next specialist can write theirs.
ALTER TABLE review.written_opinion
  ADD COLUMN voided_at   TIMESTAMPTZ,
  ADD COLUMN voided_by   UUID,
  ADD COLUMN void_reason TEXT,
  ADD CONSTRAINT written_opinion_void_complete CHECK ((voided_at IS NULL) = (voided_by IS NULL)
    AND (voided_at IS NULL) = (void_reason IS NULL)),
  ADD CONSTRAINT written_opinion_signed_not_voided CHECK (signed_at IS NULL OR voided_at IS NULL);
ALTER TABLE review.written_opinion DROP CONSTRAINT written_opinion_case_id_key;
CREATE UNIQUE INDEX written_opinion_one_per_case ON review.written_opinion (case_id) WHERE voided_at IS NULL;
