-- What the uploader says a document is (records.DocumentKind, each backed by a LOINC document code); null for uploads
-- made before the question was asked.
ALTER TABLE records.document ADD COLUMN kind TEXT;

-- Why a document was withdrawn (records.WithdrawalReason). A withdrawn document is voided: voided_at, voided_by and
-- void_reason (the person's own words) are set together with void_kind, and the row stays for the audit trail.
ALTER TABLE records.document ADD COLUMN void_kind TEXT CHECK (void_kind IN ('MISTAKE', 'ANOTHER_PERSON'));
ALTER TABLE records.document ADD CONSTRAINT document_void_complete
  CHECK (void_kind IS NULL OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL));

-- Documents are never deleted: the application role has no DELETE (V1 granted none); this makes it explicit.
REVOKE DELETE, TRUNCATE ON records.document, records.archive_entry FROM ${app_role};
