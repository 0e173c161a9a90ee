package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ClockState;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/** The case's use cases on a real PostgreSQL: drafts, double clicks, conflicts, triage and both clocks. */
@ConsiliumIntegrationTest
class IntakeManagementTests {

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseLifecycle lifecycle;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	JdbcClient jdbc;

	static DraftContent complete(String diagnosis) {
		return TestDrafts.content("Surgery proposed", diagnosis, CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr. First", "City Hospital",
				null, "Lump for three months", List.of("Is surgery necessary?", "What are the alternatives?"), Urgency.ROUTINE, true);
	}

	@Test
	void aDoubleClickedCreateMakesOneCase() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID token = UUID.randomUUID();
		OpinionRequestView first = intake.createDraft(patient, null, token, complete("x"));
		OpinionRequestView second = intake.createDraft(patient, null, token, complete("x"));
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(jdbc.sql("SELECT count(*) FROM intake.opinion_request WHERE patient_id = ?").param(patient.id().value()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aStaleSaveIsRejectedAndOverwritesNothing() {
		Actor patient = accounts.create(Role.PATIENT);
		OpinionRequestView draft = intake.createDraft(patient, null, UUID.randomUUID(), complete("first words"));
		intake.updateDraft(patient, draft.id(), draft.version(), complete("saved in tab one"));
		assertThatThrownBy(() -> intake.updateDraft(patient, draft.id(), draft.version(), complete("saved in tab two")))
			.isInstanceOf(EditConflictException.class);
		assertThat(queries.read(patient, draft.id(), AuditAction.CASE_READ).firstDiagnosisText()).isEqualTo("saved in tab one");
	}

	@Test
	void aFormsOwnAutosaveNeverConflictsWithItButAnotherFormsSaveDoes() {
		Actor patient = accounts.create(Role.PATIENT);
		OpinionRequestView draft = intake.createDraft(patient, null, UUID.randomUUID(), complete("first words"));
		UUID form = UUID.randomUUID();
		intake.updateDraft(patient, draft.id(), draft.version(), form, complete("autosaved while typing"));
		intake.updateDraft(patient, draft.id(), draft.version(), form, complete("submitted from the same page"));
		assertThat(queries.read(patient, draft.id(), AuditAction.CASE_READ).firstDiagnosisText()).isEqualTo("submitted from the same page");
		assertThatThrownBy(() -> intake.updateDraft(patient, draft.id(), draft.version(), UUID.randomUUID(), complete("another tab")))
			.isInstanceOf(EditConflictException.class);
		assertThat(queries.read(patient, draft.id(), AuditAction.CASE_READ).firstDiagnosisText()).isEqualTo("submitted from the same page");
	}

	@Test
	void aReferringPhysicianAsksForTheirPatientWhoThenSeesTheCase() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		String email = jdbc.sql("SELECT email FROM identity.user_account WHERE id = ?").param(patient.id().value()).query(String.class).single();
		OpinionRequestView draft = cases.referred(referrer, email, patient, complete("x"));
		assertThat(draft.patientId()).isEqualTo(patient.id());
		assertThat(queries.read(patient, draft.id(), AuditAction.CASE_READ).referrerId()).isEqualTo(referrer.id());
		assertThat(queries.myCases(referrer)).extracting(OpinionRequestView::id).contains(draft.id());
	}

	@Test
	void coordinatorsDoNotSeeDraftsButSeeSubmittedCasesInTheQueue() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		OpinionRequestView draft = intake.createDraft(patient, null, UUID.randomUUID(), complete("x"));
		assertThatThrownBy(() -> queries.read(coordinator, draft.id(), AuditAction.CASE_READ)).isInstanceOf(NotFoundException.class);
		intake.submit(patient, draft.id());
		assertThat(queries.triageQueue(coordinator, 0).cases()).extracting(OpinionRequestView::id).contains(draft.id());
		assertThat(queries.read(coordinator, draft.id(), AuditAction.CASE_READ).triageClock().state()).isEqualTo(ClockState.RUNNING);
	}

	@Test
	void triageRecordsAPausedClockWhileWaitingForRecordsAndAssignsASpecialistOfTheSpecialty() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor oncologist = accounts.create(Role.SPECIALIST, "207RX0202X");
		Actor cardiologist = accounts.create(Role.SPECIALIST, "207RC0000X");
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), complete("x")).id().value();
		intake.submit(patient, new CaseId(id));
		caseTriage.startTriage(coordinator, new CaseId(id));
		caseTriage.requestRecords(coordinator, new CaseId(id), "Please add the pathology report.");
		OpinionRequestView waiting = queries.read(patient, new CaseId(id), AuditAction.CASE_READ);
		assertThat(waiting.status()).isEqualTo(OpinionRequestStatus.AWAITING_RECORDS);
		assertThat(waiting.statusNote()).isEqualTo("Please add the pathology report.");
		assertThat(waiting.triageClock().state()).isEqualTo(ClockState.PAUSED);
		intake.recordsReceived(patient, new CaseId(id));
		assertThatThrownBy(() -> caseTriage.assign(coordinator, new CaseId(id), "207RX0202X", Urgency.URGENT, cardiologist.id(), "Assigned by the test."))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("specialty");
		OpinionRequestView assigned = caseTriage.assign(coordinator, new CaseId(id), "207RX0202X", Urgency.URGENT, oncologist.id(), "Assigned by the test.");
		assertThat(assigned.status()).isEqualTo(OpinionRequestStatus.ASSIGNED);
		assertThat(assigned.triageClock().state()).isEqualTo(ClockState.STOPPED);
		assertThat(assigned.reviewClock().state()).isEqualTo(ClockState.RUNNING);
		assertThat(assigned.reviewClock().dueAt()).isAfter(Instant.now());
		assertThat(queries.read(oncologist, new CaseId(id), AuditAction.CASE_READ).firstOpinionBlinded()).isTrue();
		assertThat(queries.read(oncologist, new CaseId(id), AuditAction.CASE_READ).firstDiagnosisText()).isNull();
		assertThat(assigned.timeline()).extracting(StatusChange::toStatus).containsExactly(OpinionRequestStatus.DRAFT, OpinionRequestStatus.SUBMITTED,
				OpinionRequestStatus.IN_TRIAGE, OpinionRequestStatus.AWAITING_RECORDS, OpinionRequestStatus.IN_TRIAGE, OpinionRequestStatus.ASSIGNED);
	}

	@Test
	void aPatientCannotTriageTheirOwnCaseAndAnIllegalStepChangesNothing() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), complete("x")).id().value();
		assertThatThrownBy(() -> caseTriage.startTriage(patient, new CaseId(id))).isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> lifecycle.close(access.requireAccess(patient, new CaseId(id), AuditAction.CASE_CLOSE))).isInstanceOf(IllegalTransitionException.class);
		assertThat(queries.read(patient, new CaseId(id), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.DRAFT);
	}

	@Test
	void everyReadAndDenialIsAudited() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor stranger = accounts.create(Role.PATIENT);
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), complete("x")).id().value();
		queries.read(patient, new CaseId(id), AuditAction.CASE_READ);
		assertThatThrownBy(() -> queries.read(stranger, new CaseId(id), AuditAction.CASE_READ)).isInstanceOf(NotFoundException.class);
		List<String> outcomes = jdbc.sql("SELECT actor_id::text || ':' || action || ':' || outcome FROM audit.audit_event WHERE case_id = ? ORDER BY id")
			.param(id).query(String.class).list();
		assertThat(outcomes).containsSubsequence(patient.id() + ":case.create:SUCCESS", patient.id() + ":case.read:SUCCESS",
				stranger.id() + ":case.read:DENIED");
	}
}
