-- Documents are encrypted at rest: each object has its own data key (a Tink streaming AEAD keyset), kept here wrapped
-- by a master key from the configuration, with that master key's identifier. A key rotation updates these two columns
-- only. Rows written before this migration have neither; their content is reported unavailable.
ALTER TABLE records.document ADD COLUMN wrapped_data_key BYTEA;
ALTER TABLE records.document ADD COLUMN master_key_id TEXT;
CREATE INDEX document_master_key ON records.document (master_key_id);
