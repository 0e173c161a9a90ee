/**
 * Medical records of a case: uploaded documents (type detected from content, SHA-256 kept) and FHIR R4 bundle imports
 * turned into a clinical summary.
 *
 * <p>Schema {@code records}: {@code document}, {@code fhir_import}, {@code summary_entry}. Every read and write asks
 * {@link org.consilium.intake.IntakeManagement#requireAccess} first and is audited. Records are voided with a reason,
 * never deleted. Publishes {@link org.consilium.records.RecordAdded}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake" })
package org.consilium.records;
