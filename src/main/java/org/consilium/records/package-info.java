/**
 * Medical records of a case: uploaded documents (type detected from content, SHA-256 kept) and FHIR R4 bundle imports
 * turned into a clinical summary. Document content is encrypted at rest and checked on every read ({@code DocumentStore}),
 * on the filesystem or in an S3-compatible object store.
 *
 * <p>Schema {@code records}: {@code document}, {@code fhir_import}, {@code summary_entry}. Every read and write asks
 * {@link org.consilium.intake.CaseAccess#requireAccess} first and is audited. Records are voided with a reason,
 * never deleted. Publishes {@link org.consilium.records.RecordAdded}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake" })
package org.consilium.records;
