package org.consilium.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.PatientDetails;
import org.consilium.records.fhirimport.FhirBundleImporter;
import org.consilium.records.fhirimport.FhirImport;
import org.consilium.records.fhirimport.FhirImportProgress;
import org.consilium.records.fhirimport.FhirImportRejectedException;
import org.consilium.records.vault.FileNames;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.UserId;

/**
 * The FHIR imports of cases: a Bundle validated and summarised by the {@link FhirBundleImporter} (which knows no case)
 * is kept in {@code records.fhir_import}, {@code records.fhir_identified_resource} and {@code records.summary_entry},
 * audited; and read back for {@link RecordsManagement#records}. Two callers: the
 * facade's synchronous import (the API, the demo) and {@link FhirImportJobs} (the page's background import).
 */
@Component
class FhirImports {

	/** The reason a partial import (from before every resource was kept) is voided with when its Bundle is imported again. */
	static final String REPLACED = "Replaced by the same FHIR Bundle imported again, with every resource kept.";

	private final RecordsAccess access;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final FhirBundleImporter importer;


	private final CaseLifecycle lifecycle;

	private final Clock clock;

	FhirImports(RecordsAccess access, AuditLog audit, JdbcClient jdbc, FhirBundleImporter importer, CaseLifecycle lifecycle,
			Clock clock) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.jdbc = jdbc;
		this.importer = importer;
		this.clock = clock;
	}

	/**
	 * Validates and summarises a Bundle for the case; reads and stores nothing of the case (the caller has checked
	 * {@link RecordsAccess#checkMayAdd}). Opens no transaction of its own: the background jobs call it outside any,
	 * because validation takes seconds; the synchronous import calls it inside its own.
	 * @throws InvalidInputException (problem type {@code invalid-input}, HTTP 422) for an empty file or a rejected bundle,
	 *         the latter audited as a failed {@code records.fhir.import}; the message names the problems
	 */
	FhirImport validate(Actor actor, CaseId caseId, byte[] json, FhirImportProgress progress) {
		if (json == null || json.length == 0) {
			throw new InvalidInputException("The file is empty.");
		}
		try {
			return importer.importBundle(json, progress);
		}
		catch (FhirImportRejectedException e) {
			audit.failed(actor, AuditAction.RECORDS_FHIR_IMPORT, caseId, "FhirImport", null);
			throw new InvalidInputException(e.getMessage().replaceAll("/\\*[^*]*\\*/", ""));
		}
	}

	/**
	 * Stores a validated import in one transaction: the import, its summary rows, and the identifiers of its shared
	 * resources ({@link FhirImport#SHARED_TYPES}) that the case does not hold yet (a resource already on file by any of
	 * its identifiers is counted as known and not stored again). Conditional references the Bundle left unresolved
	 * must match exactly one shared resource of the case's earlier imports.
	 * The case is checked again ({@link RecordsAccess#checkMayAdd}): a background import may finish after it closed.
	 * Stores of one case run one after the other (a transaction-scoped advisory lock), and a Bundle whose canonical
	 * content the case holds already in an import that is not voided is not stored again, unless that import is partial
	 * (stored before every resource was kept, {@link FhirImportView#partial()}): then it is voided with the reason
	 * {@link #REPLACED} and this one takes its place.
	 * @throws AlreadyImportedException (409, {@code already-imported}) when the case holds this Bundle already
	 * @throws InvalidInputException (422) for a conditional reference that matches no or several earlier resources
	 * @throws WrongPatientException (409) when {@code confirmPatientMismatch} is false and the Bundle's Patient contradicts
	 *         the patient's details recorded in the case (family name, given names, birth date, sex: see
	 *         {@link PatientDemographics#contradicts}), or, on a case without recorded details (one from before intake
	 *         asked for them), contradicts the Patient of the case's earliest import or is the first Patient of the case.
	 *         A confirmed import on a case without recorded details gives the case its patient's details
	 *         ({@link CaseLifecycle#adoptPatientDetails}), audited as {@code records.fhir.import.patient-details-taken}.
	 */
	@Transactional
	FhirImportView store(Actor actor, CaseId caseId, String fileName, FhirImport result, boolean confirmPatientMismatch) {
		AccessibleCase c = access.checkMayAdd(actor, caseId.value(), AuditAction.RECORDS_FHIR_IMPORT);
		// one import of a case at a time from here to commit, so that the same Bundle sent twice at once is stored once
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS locked").param("records.fhir-import:" + caseId)
			.query(Integer.class).single();
		record Earlier(UUID id, Timestamp importedAt, boolean summaryComplete) {
		}
		var earlier = jdbc.sql("""
				SELECT id, imported_at, summary_complete FROM records.fhir_import WHERE case_id = ? AND content_sha256 = ? AND voided_at IS NULL""")
			.params(caseId.value(), result.contentSha256()).query(Earlier.class).optional();
		if (earlier.isPresent() && earlier.get().summaryComplete()) {
			audit.failed(actor, AuditAction.RECORDS_FHIR_IMPORT, caseId, "FhirImport", null);
			throw new AlreadyImportedException(earlier.get().importedAt().toInstant());
		}
		// the same Bundle imported before every resource was kept (a partial import): this import replaces it
		earlier.ifPresent(partial -> jdbc.sql("""
				UPDATE records.fhir_import SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?""")
			.params(Timestamp.from(clock.instant()), actor.id().value(), REPLACED, partial.id()).update());
		List<String> unresolved = new ArrayList<>();
		for (FhirImport.ConditionalReference ref : result.conditionalReferences()) {
			long matches = jdbc.sql("""
					SELECT count(DISTINCT r.import_id::text || ' ' || coalesce(r.full_url, '')) FROM records.fhir_identified_resource r
					JOIN records.fhir_import i ON i.id = r.import_id AND i.voided_at IS NULL
					WHERE r.case_id = ? AND r.resource_type = ? AND r.identifier_value = ? AND (CAST(? AS TEXT) IS NULL OR r.identifier_system = CAST(? AS TEXT))""")
				.params(caseId.value(), ref.resourceType(), ref.value(), ref.system(), ref.system()).query(Long.class).single();
			if (matches != 1) {
				unresolved.add(ref.path() + ": the conditional reference '" + ref.reference() + "' matches " + (matches == 0 ? "no" : matches)
						+ " resource(s) in this bundle and this case's earlier imports; it must match exactly one");
			}
		}
		if (!unresolved.isEmpty()) {
			audit.failed(actor, AuditAction.RECORDS_FHIR_IMPORT, caseId, "FhirImport", null);
			throw new InvalidInputException("The FHIR file was not imported: " + String.join("; ", unresolved) + ".");
		}
		PatientDemographics patient = result.patient();
		boolean detailsRecorded = c.patient() != null && c.patient().recorded();
		PatientDemographics onFile = detailsRecorded ? demographics(c.patient()) : patientOnFile(caseId);
		// without recorded details, the first import naming a patient says who the case is about: only once confirmed
		boolean mismatch = patient != null && (onFile == null || patient.contradicts(onFile));
		if (mismatch && !confirmPatientMismatch) {
			audit.failed(actor, AuditAction.RECORDS_FHIR_IMPORT_WRONG_PATIENT, caseId, "FhirImport", null);
			throw new WrongPatientException(onFile, patient);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO records.fhir_import (id, case_id, file_name, bundle_type, entry_count, warnings, patient_family, patient_given,
				  patient_birth_date, imported_by, imported_at, patient_mismatch_confirmed_by, content_sha256, summary_complete)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
			.params(id, caseId.value(), FileNames.clean(fileName), result.bundleType(), result.entryCount(), String.join("\n", result.warnings()),
					patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
					patient == null ? null : patient.birthDate(), actor.id().value(), Timestamp.from(now), mismatch ? actor.id().value() : null,
					result.contentSha256())
			.update();
		int[] sharedAddedAndKnown = storeSharedResources(caseId, id, result.identified());
		jdbc.sql("UPDATE records.fhir_import SET shared_resources_added = ?, shared_resources_known = ? WHERE id = ?")
			.params(sharedAddedAndKnown[0], sharedAddedAndKnown[1], id).update();
		ClinicalSummary s = result.summary();
		for (List<SummaryEntry> rows : List.of(s.conditions(), s.medications(), s.allergies(), s.procedures(), s.observations())) {
			for (SummaryEntry e : rows) {
				jdbc.sql("""
						INSERT INTO records.summary_entry (import_id, case_id, category, system, code, display, date, value, status, source_entry,
						  kind, measurements)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(id, caseId.value(), e.category().name(), e.system(), e.code(), e.display(), e.date(), e.value(), e.status(), e.sourceEntry(),
							e.kind(), StoredMeasurement.write(e.measurements()))
					.update();
			}
		}
		if (mismatch) {
			audit.success(actor, AuditAction.RECORDS_FHIR_IMPORT_PATIENT_MISMATCH_CONFIRMED, caseId, "FhirImport", id);
		}
		if (!detailsRecorded && patient != null && confirmPatientMismatch) {
			lifecycle.adoptPatientDetails(c, details(patient));
			audit.success(actor, AuditAction.RECORDS_FHIR_IMPORT_PATIENT_DETAILS_TAKEN, caseId, "FhirImport", id);
		}
		audit.success(actor, AuditAction.RECORDS_FHIR_IMPORT, caseId, "FhirImport", id);
		return new FhirImportView(id, FileNames.clean(fileName), result.bundleType(), result.entryCount(), result.warnings(),
				patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
				patient == null ? null : patient.birthDate(), now, sharedAddedAndKnown[0], sharedAddedAndKnown[1], mismatch, false);
	}

	/**
	 * The patient the case's records are about: the Patient of its earliest (not voided) import that names one. The
	 * patient's account is not used: it holds a free-text display name and no birth date, so it cannot tell two people apart.
	 * @return null before the first import with a Patient
	 */
	PatientDemographics patientOnFile(CaseId caseId) {
		return jdbc.sql("""
				SELECT patient_family AS family_name, patient_given AS given_names, patient_birth_date AS birth_date FROM records.fhir_import
				WHERE case_id = ? AND voided_at IS NULL AND (patient_family IS NOT NULL OR patient_given IS NOT NULL OR patient_birth_date IS NOT NULL)
				ORDER BY imported_at, id LIMIT 1""").param(caseId.value()).query(PatientDemographics.class).optional().orElse(null);
	}

	private static PatientDemographics demographics(PatientDetails p) {
		return new PatientDemographics(p.familyName(), p.givenNames(), p.birthDate(), p.sex() == null ? null : p.sex().code());
	}

	/** The case's patient details from an import's Patient; a sex other than the four codes counts as not given. */
	private static PatientDetails details(PatientDemographics p) {
		return new PatientDetails(p.familyName(), p.givenNames(), p.birthDate(), AdministrativeSex.ofCode(p.sex()).orElse(null));
	}

	/** @return {added, known}: shared resources (by type and fullUrl) stored now, and those already on file by an identifier */
	private int[] storeSharedResources(CaseId caseId, UUID importId, List<FhirImport.IdentifiedResource> identified) {
		Map<String, List<FhirImport.IdentifiedResource>> byResource = new LinkedHashMap<>();
		for (FhirImport.IdentifiedResource r : identified) {
			byResource.computeIfAbsent(r.resourceType() + " " + r.fullUrl(), k -> new ArrayList<>()).add(r);
		}
		int added = 0;
		int known = 0;
		for (List<FhirImport.IdentifiedResource> identifiers : byResource.values()) {
			boolean onFile = identifiers.stream().anyMatch(r -> jdbc.sql("""
					SELECT count(*) FROM records.fhir_identified_resource
					WHERE case_id = ? AND resource_type = ? AND identifier_system = ? AND identifier_value = ?""")
				.params(caseId.value(), r.resourceType(), r.system(), r.value()).query(Long.class).single() > 0);
			if (onFile) {
				known++;
				continue;
			}
			added++;
			for (FhirImport.IdentifiedResource r : identifiers) {
				jdbc.sql("""
						INSERT INTO records.fhir_identified_resource (case_id, resource_type, identifier_system, identifier_value, import_id, full_url)
						VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(caseId.value(), r.resourceType(), r.system(), r.value(), importId, r.fullUrl()).update();
			}
		}
		return new int[] { added, known };
	}

	/** The case's imports that are not voided, oldest first. */
	List<FhirImportView> imports(CaseId caseId) {
		record ImportRow(UUID id, String fileName, String bundleType, int entryCount, String warnings, String patientFamily, String patientGiven,
				LocalDate patientBirthDate, Instant importedAt, int sharedResourcesAdded, int sharedResourcesKnown,
				UserId patientMismatchConfirmedBy, boolean summaryComplete) {
		}
		return jdbc.sql("""
				SELECT id, file_name, bundle_type, entry_count, warnings, patient_family, patient_given, patient_birth_date, imported_at,
				  shared_resources_added, shared_resources_known, patient_mismatch_confirmed_by, summary_complete
				FROM records.fhir_import WHERE case_id = ? AND voided_at IS NULL ORDER BY imported_at""").param(caseId.value()).query(ImportRow.class)
			.list().stream()
			.map(r -> new FhirImportView(r.id(), r.fileName(), r.bundleType(), r.entryCount(),
					r.warnings().isEmpty() ? List.of() : Arrays.asList(r.warnings().split("\n")), r.patientFamily(), r.patientGiven(),
					r.patientBirthDate(), r.importedAt(), r.sharedResourcesAdded(), r.sharedResourcesKnown(), r.patientMismatchConfirmedBy() != null, !r.summaryComplete()))
			.toList();
	}

	/** The clinical summary merged over the case's imports that are not voided, newest date first in each category. */
	ClinicalSummary summary(CaseId caseId) {
		record Row(SummaryCategory category, String system, String code, String display, String date, String value, String status,
				String sourceEntry, String kind, String measurements, UUID importId, Long id) {
		}
		List<SummaryEntry> entries = jdbc.sql("""
				SELECT s.category, s.system, s.code, s.display, s.date, s.value, s.status, s.source_entry, s.kind, s.measurements, s.import_id, s.id
				FROM records.summary_entry s
				JOIN records.fhir_import i ON i.id = s.import_id AND i.voided_at IS NULL
				WHERE s.case_id = ? ORDER BY s.date DESC NULLS LAST, s.id""").param(caseId.value()).query(Row.class).stream()
			.map(r -> new SummaryEntry(r.category(), r.system(), r.code(), r.display(), r.date(), r.value(), r.status(), r.sourceEntry(),
					r.kind(), StoredMeasurement.read(r.measurements()), r.importId(), r.id()))
			.toList();
		return new ClinicalSummary(of(entries, SummaryCategory.CONDITION), of(entries, SummaryCategory.MEDICATION),
				of(entries, SummaryCategory.ALLERGY), of(entries, SummaryCategory.PROCEDURE), of(entries, SummaryCategory.OBSERVATION));
	}

	/** One row of the case's summary with its import; empty when the row is not this case's or its import is voided. */
	java.util.Optional<SummaryEntrySource> entry(CaseId caseId, long entryId) {
		SummaryEntry entry = summary(caseId).all().stream().filter(e -> e.id() != null && e.id() == entryId).findFirst().orElse(null);
		if (entry == null) {
			return java.util.Optional.empty();
		}
		return imports(caseId).stream().filter(i -> i.id().equals(entry.importId())).findFirst().map(i -> new SummaryEntrySource(entry, i));
	}

	private static List<SummaryEntry> of(List<SummaryEntry> all, SummaryCategory category) {
		return all.stream().filter(e -> e.category() == category).toList();
	}
}
