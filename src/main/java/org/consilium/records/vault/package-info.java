/**
 * The document vault, internal to {@code records}: keeps a document's bytes and proves what they are, without case
 * rules (who may add or read, and when, is the root's).
 * <p>
 * {@link org.consilium.records.vault.DocumentStore} encrypts every object with its own data key, wrapped by a master key
 * ({@code MasterKeys}; a retired key is replaced at start-up by {@code DocumentKeyRotation}), on the filesystem or in an
 * S3-compatible store ({@code DocumentBackend}), and checks the SHA-256 on every read; {@code DocumentSweeper} removes
 * bytes whose row never came. {@link org.consilium.records.vault.DocumentInspector} proves the type
 * ({@code DocumentTypePolicy}, with {@code ZipInspection} and {@code DicomHeader}) on the stored bytes, after
 * {@link org.consilium.records.vault.VirusScanner} ({@code ClamdScanner}) has scanned them;
 * {@link org.consilium.records.vault.FileNames} cleans uploaded names.
 * <p>
 * Settings: {@code consilium.documents.*} ({@code DocumentSettings}), {@code consilium.records.archive.*}
 * ({@code ArchiveSettings}) and {@code consilium.records.clamd.*} ({@code ClamdSettings}). Tables: none of its own; the
 * root writes {@code records.document}, which the key rotation updates (wrapped data keys) and the sweeper reads
 * (storage keys). Publishes and consumes no event.
 * <p>
 * Public are only the types the root calls; Spring Modulith keeps them from other modules.
 */
package org.consilium.records.vault;
