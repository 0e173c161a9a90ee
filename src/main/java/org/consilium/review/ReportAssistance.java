package org.consilium.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditOutcome;
import org.consilium.intake.CaseQueries;
import org.consilium.records.CaseRecordsView;
import org.consilium.records.DocumentView;
import org.consilium.records.FhirImportView;
import org.consilium.records.RecordsManagement;
import org.consilium.review.ReportSections.MaterialReviewed;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.ProgramSettings;

/**
 * Help while writing the full report: the materials the specialist has opened, to pre-fill "materials reviewed", and
 * the reading level of the plain-language summary in the patient's language.
 */
@Service
@Transactional
public class ReportAssistance {

	/** How much of the case's trail is searched for the specialist's openings. */
	static final int TRAIL_LIMIT = 10_000;

	private final RecordsManagement records;

	private final AuditLog audit;

	private final CaseQueries queries;

	private final ProgramSettings program;

	ReportAssistance(RecordsManagement records, AuditLog audit, CaseQueries queries, ProgramSettings program) {
		this.records = records;
		this.audit = audit;
		this.queries = queries;
		this.program = program;
	}

	/**
	 * The case's documents that {@code actor} opened (an audited, successful {@code records.document.read}) and, once
	 * they have looked at the records ({@code records.read}), its FHIR imports; each with the date it was added, in the
	 * program's time zone. The records read is checked and audited by {@code records}.
	 * @throws NotFoundException when the actor has no relation to the case (audited as DENIED)
	 */
	public List<MaterialReviewed> openedMaterials(Actor actor, CaseId caseId) {
		Set<UUID> openedDocuments = new HashSet<>();
		boolean sawRecords = false;
		for (AuditEntry e : audit.forCase(caseId, 0, TRAIL_LIMIT)) {
			if (e.outcome() != AuditOutcome.SUCCESS || !actor.id().equals(e.actorId())) {
				continue;
			}
			if (AuditAction.RECORDS_DOCUMENT_READ.code().equals(e.action()) && e.recordId() != null) {
				openedDocuments.add(e.recordId());
			}
			sawRecords |= AuditAction.RECORDS_READ.code().equals(e.action());
		}
		CaseRecordsView all = records.records(actor, caseId);
		List<MaterialReviewed> materials = new ArrayList<>();
		for (DocumentView d : all.documents()) {
			if (openedDocuments.contains(d.id().value())) {
				materials.add(new MaterialReviewed(d.type().label() + ": " + d.fileName(), d.uploadedAt().atZone(program.zone()).toLocalDate()));
			}
		}
		if (sawRecords) {
			for (FhirImportView i : all.imports()) {
				materials.add(new MaterialReviewed("Health records imported (FHIR): " + i.fileName(),
						i.importedAt().atZone(program.zone()).toLocalDate()));
			}
		}
		return materials.size() > OpinionContent.MAX_ROWS ? materials.subList(0, OpinionContent.MAX_ROWS) : materials;
	}

	/**
	 * The reading level of {@code summary} in the patient's preferred language ({@link ReadingLevel}); nothing is
	 * stored or audited beyond the access check.
	 * @throws NotFoundException when the actor has no relation to the case (audited as DENIED)
	 */
	public ReadingLevel readingLevel(Actor actor, CaseId caseId, String summary) {
		String language = queries.patientLocale(actor, caseId, AuditAction.REVIEW_OPINION_SAVE).preferredLanguage();
		return ReadingLevel.of(summary, language);
	}
}
