-- The form (one rendering of the draft page) that saved the draft last: its own autosaves never conflict with it.
ALTER TABLE intake.opinion_request ADD COLUMN last_edit_session UUID;
