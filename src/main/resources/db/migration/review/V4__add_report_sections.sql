-- The full report's sections beside the opinion's core (materials reviewed, re-reads, research options, discussion
-- points, next steps, in-person visit, the reviewer's specialty, institution and licence), as review.ReportSections JSON.
-- The frozen-opinion trigger covers this column too.
ALTER TABLE review.written_opinion ADD COLUMN report JSONB NOT NULL DEFAULT '{}'::jsonb;
