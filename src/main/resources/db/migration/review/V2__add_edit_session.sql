-- The form (one rendering of the workspace) that saved the draft last: its own autosaves never conflict with it.
ALTER TABLE review.written_opinion ADD COLUMN last_edit_session UUID;
