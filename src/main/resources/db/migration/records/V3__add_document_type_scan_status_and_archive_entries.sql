-- The upload policy of issue #3: the type proven by parsing, the virus scan, and the entries of ZIP archives.
ALTER TABLE records.document
  ADD COLUMN document_type      TEXT,
  ADD COLUMN scan_status        TEXT NOT NULL DEFAULT 'NOT_SCANNED',
  ADD COLUMN scan_signature     TEXT,
  ADD COLUMN uncompressed_bytes BIGINT;
UPDATE records.document SET document_type = CASE media_type
  WHEN 'application/pdf' THEN 'PDF' WHEN 'image/jpeg' THEN 'JPEG' WHEN 'image/png' THEN 'PNG' END;

-- One row per file inside an archive, in central-directory order; path is the entry's name as the archive gives it.
CREATE TABLE records.archive_entry (
  id            UUID PRIMARY KEY,
  document_id   UUID NOT NULL REFERENCES records.document (id),
  case_id       UUID NOT NULL,
  entry_index   INT NOT NULL,
  path          TEXT NOT NULL,
  document_type TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  UNIQUE (document_id, entry_index)
);
CREATE INDEX archive_entry_case ON records.archive_entry (case_id);

GRANT SELECT, INSERT ON records.archive_entry TO ${app_role};
