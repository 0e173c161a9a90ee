package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.TestDocuments;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.Urgency;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;
import org.consilium.triage.Checklist;
import org.consilium.triage.ChecklistItemState;
import org.consilium.triage.TriageManagement;

/**
 * Labelled uploads tick the completeness checklist; a wrong upload is withdrawn (voided, audited, never deleted) until
 * review starts; one about another person is hidden from everyone but administrators. On a real PostgreSQL.
 */
@ConsiliumIntegrationTest
class DocumentWithdrawalTests {

	static final String ONCOLOGY = "207RX0202X";

	static final String PATHOLOGY = "Pathology report (biopsy or surgery)";

	static final String FIRST_REPORT = "The report or letter with your first diagnosis";

	@Autowired
	RecordsManagement records;

	@Autowired
	DocumentWithdrawals withdrawals;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	TriageManagement triage;

	@Autowired
	ReviewManagement review;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseAccess cases;

	Actor patient;

	Actor coordinator;

	CaseId caseInTriage() {
		patient = accounts.create(Role.PATIENT);
		coordinator = accounts.create(Role.COORDINATOR);
		CaseId id = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery needed?", "Breast cancer", null, "", "Mastectomy", "",
				"", null, "", List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true)).id();
		intake.submit(patient, id);
		caseTriage.startTriage(coordinator, id);
		return id;
	}

	DocumentView upload(Actor actor, CaseId id, String name, DocumentKind kind) {
		return records.uploadDocument(actor, id, name, new ByteArrayInputStream(TestDocuments.pdf()), kind);
	}

	Checklist.Item item(Actor actor, CaseId id, String item) {
		return triage.checklist(actor, id).items().stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow();
	}

	@Test
	void aLabelledUploadTicksItsChecklistItemAndTheCoordinatorCanStillUntickIt() {
		CaseId id = caseInTriage();
		triage.recordPresent(coordinator, id, ONCOLOGY, List.of());
		assertThat(item(patient, id, PATHOLOGY).state()).isEqualTo(ChecklistItemState.MISSING);

		DocumentView report = upload(patient, id, "biopsy.pdf", DocumentKind.PATHOLOGY);
		upload(patient, id, "letter.pdf", DocumentKind.OTHER);

		assertThat(report.kind()).isEqualTo(DocumentKind.PATHOLOGY);
		assertThat(item(patient, id, PATHOLOGY)).satisfies(i -> {
			assertThat(i.state()).isEqualTo(ChecklistItemState.PRESENT);
			assertThat(i.fromDocument()).isEqualTo(DocumentKind.PATHOLOGY.label());
		});
		assertThat(triage.checklist(patient, id).missing()).extracting(Checklist.Item::item).as("what the patient still has to send")
			.doesNotContain(PATHOLOGY).contains(FIRST_REPORT);

		triage.recordPresent(coordinator, id, null, List.of());
		assertThat(item(coordinator, id, PATHOLOGY).state()).as("the coordinator's untick after the upload stands").isEqualTo(ChecklistItemState.MISSING);

		upload(patient, id, "first-opinion.pdf", DocumentKind.FIRST_OPINION);
		assertThat(item(coordinator, id, FIRST_REPORT).state()).isEqualTo(ChecklistItemState.PRESENT);
		assertThat(records.records(patient, id).documents()).extracting(DocumentView::kind)
			.containsExactly(DocumentKind.PATHOLOGY, DocumentKind.OTHER, DocumentKind.FIRST_OPINION);
	}

	@Test
	void aWrongUploadIsWithdrawnWithAReasonVoidedAuditedAndNeverDeleted() {
		CaseId id = caseInTriage();
		triage.recordPresent(coordinator, id, ONCOLOGY, List.of());
		DocumentView wrong = upload(patient, id, "pathology-old.pdf", DocumentKind.PATHOLOGY);
		assertThat(item(coordinator, id, PATHOLOGY).state()).isEqualTo(ChecklistItemState.PRESENT);

		assertThatThrownBy(() -> withdrawals.withdraw(patient, id, wrong.id(), WithdrawalReason.MISTAKE, " ")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> withdrawals.withdraw(patient, id, wrong.id(), null, "old")).isInstanceOf(InvalidInputException.class);
		Actor stranger = accounts.create(Role.PATIENT);
		assertThatThrownBy(() -> withdrawals.withdraw(stranger, id, wrong.id(), WithdrawalReason.MISTAKE, "mine")).isInstanceOf(NotFoundException.class);

		WithdrawnDocumentView withdrawn = withdrawals.withdraw(patient, id, wrong.id(), WithdrawalReason.MISTAKE, "An old report from 2019");

		assertThat(withdrawn.reason()).isEqualTo("An old report from 2019");
		assertThat(records.records(coordinator, id).documents()).isEmpty();
		assertThat(withdrawals.withdrawnByMistake(cases.requireAccess(coordinator, id, AuditAction.RECORDS_READ))).extracting(WithdrawnDocumentView::fileName)
			.containsExactly("pathology-old.pdf");
		assertThat(item(coordinator, id, PATHOLOGY).state()).as("a withdrawn document ticks nothing").isEqualTo(ChecklistItemState.MISSING);
		assertThatThrownBy(() -> records.openDocument(coordinator, id, wrong.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> withdrawals.withdraw(coordinator, id, wrong.id(), WithdrawalReason.MISTAKE, "again")).isInstanceOf(NotFoundException.class);
		assertThat(jdbc.sql("SELECT void_kind || '|' || void_reason || '|' || (voided_by = ?) FROM records.document WHERE id = ?")
			.params(patient.id().value(), wrong.id().value()).query(String.class).single()).isEqualTo("MISTAKE|An old report from 2019|true");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'records.document.withdraw' AND outcome = 'SUCCESS' AND record_id = ?")
			.params(id.value(), wrong.id().value()).query(Long.class).single()).isEqualTo(1);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM records.document WHERE id = ?").param(wrong.id().value()).update())
			.as("the application's database role cannot delete a document").hasStackTraceContaining("permission denied for table document");
		assertThat(jdbc.sql("SELECT count(*) FROM records.document WHERE id = ?").param(wrong.id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onceReviewStartsAnUploadStays() {
		CaseId id = caseInTriage();
		DocumentView doc = upload(patient, id, "scan.pdf", DocumentKind.IMAGING);
		Actor specialist = accounts.create(Role.SPECIALIST);
		caseTriage.assign(coordinator, id, ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		assertThatThrownBy(() -> withdrawals.withdraw(specialist, id, doc.id(), WithdrawalReason.MISTAKE, "not mine to withdraw"))
			.isInstanceOf(ForbiddenActionException.class);
		review.acceptAssignment(specialist, id);

		assertThatThrownBy(() -> withdrawals.withdraw(patient, id, doc.id(), WithdrawalReason.MISTAKE, "wrong scan"))
			.isInstanceOf(IllegalTransitionException.class).hasMessageContaining("review has started");
		assertThat(records.records(specialist, id).documents()).extracting(DocumentView::id).containsExactly(doc.id());
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'records.document.withdraw' AND outcome = 'FAILED'")
			.param(id.value()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aDocumentAboutAnotherPersonIsHiddenFromEveryoneButAdministrators() {
		CaseId id = caseInTriage();
		DocumentView other = upload(coordinator, id, "someone-else.pdf", DocumentKind.LABORATORY);

		withdrawals.withdraw(coordinator, id, other.id(), WithdrawalReason.ANOTHER_PERSON, "Labs of another patient with the same name");

		for (Actor related : List.of(patient, coordinator)) {
			assertThat(records.records(related, id).documents()).isEmpty();
			assertThat(withdrawals.withdrawnByMistake(cases.requireAccess(related, id, AuditAction.RECORDS_READ))).isEmpty();
			assertThatThrownBy(() -> records.openDocument(related, id, other.id())).isInstanceOf(NotFoundException.class);
		}
		assertThatThrownBy(() -> withdrawals.withdrawnAsAnotherPersons(coordinator)).isInstanceOf(ForbiddenActionException.class);
		Actor admin = accounts.create(Role.ADMIN);
		assertThat(withdrawals.withdrawnAsAnotherPersons(admin)).filteredOn(w -> w.id().equals(other.id())).singleElement().satisfies(w -> {
			assertThat(w.caseId()).isEqualTo(id);
			assertThat(w.reasonKind()).isEqualTo(WithdrawalReason.ANOTHER_PERSON);
			assertThat(w.reason()).isEqualTo("Labs of another patient with the same name");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'records.document.withdrawn.read'").param(id.value())
			.query(Long.class).single()).isEqualTo(1);
	}
}
