-- Accounts administrators manage. A deactivated account keeps its row and history but cannot sign in; its sessions end
-- at their next request. Sessions that signed in before sessions_valid_after end the same way (deactivation, a role
-- change, a password reset by an administrator).
ALTER TABLE identity.user_account
  ADD COLUMN deactivated_at       TIMESTAMPTZ,
  ADD COLUMN deactivated_by       UUID,
  ADD COLUMN deactivation_reason  TEXT,
  ADD COLUMN sessions_valid_after TIMESTAMPTZ,
  ADD CONSTRAINT deactivation_complete CHECK ((deactivated_at IS NULL) = (deactivated_by IS NULL)
    AND (deactivated_at IS NULL) = (deactivation_reason IS NULL));
