/**
 * Medical records of a case: uploaded documents (type proven from the content, SHA-256 kept, virus-scanned when clamd is
 * configured, encrypted at rest) and FHIR R4 bundle imports turned into a clinical summary.
 *
 * <p><b>API.</b> {@link org.consilium.records.RecordsManagement} is the facade other modules call: upload, open and list
 * documents, import a Bundle, read everything on file, and whether someone may add records now. The records page's
 * background import is {@link org.consilium.records.FhirImportJobs}. Besides these the root holds what they return or
 * throw: the views (documents, archive entries, imports, the clinical summary, an import's progress), the problem types
 * ({@code document-quarantined}, {@code document-unavailable}, {@code virus-scanner-unavailable}, {@code imports-busy},
 * {@code wrong-patient}) and the event; and, package-private, the case's bookkeeping ({@code RecordsAccess},
 * {@code DocumentRecords}, {@code FhirImports}) and the upload limits ({@code RecordsSettings}).
 *
 * <p><b>Internal sub-packages.</b> The root does what needs the case: access, rows, audit, events. Two engines that know
 * no case rules live in sub-packages, which Spring Modulith treats as internal to this module: no other module can use
 * them ({@code ModularityTests}). They are not modules of their own because nothing but a case's records uses them and
 * their results are this module's views.
 * <ul>
 * <li>{@link org.consilium.records.vault}: stores and checks a document's bytes (encryption, filesystem or S3 backend,
 * key rotation, sweeper, type policy, ZIP and DICOM checks, virus scanner, file names).</li>
 * <li>{@link org.consilium.records.fhirimport}: validates a FHIR R4 Bundle and summarises it; the only place that uses
 * HAPI FHIR.</li>
 * </ul>
 *
 * <p><b>Schema</b> {@code records} (Flyway folder {@code db/migration/records}): {@code document} and
 * {@code archive_entry} for documents, {@code fhir_import}, {@code summary_entry} and {@code fhir_identified_resource}
 * for imports. Every read and write asks {@link org.consilium.intake.CaseAccess#requireAccess} first and is
 * audited. Records are voided with a reason, never deleted.
 *
 * <p><b>Events.</b> Publishes none: no other module reacts to a record being added yet (the access log and the records
 * page read the rows).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake" })
package org.consilium.records;
