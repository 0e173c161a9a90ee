package org.consilium.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.Urgency;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/** Completeness checklist, urgent findings and turnaround on a real PostgreSQL, through the facades. */
@ConsiliumIntegrationTest
@RecordApplicationEvents
class TriageManagementTests {

	static final String ONCOLOGY = "207RX0202X";

	static final String PATHOLOGY = "Pathology report (biopsy or surgery)";

	static final String FIRST_REPORT = "The report or letter with your first diagnosis";

	@Autowired
	TestAccounts accounts;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Autowired
	TriageManagement triage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	Actor patient;

	Actor coordinator;

	UUID caseInTriage() {
		patient = accounts.create(Role.PATIENT);
		coordinator = accounts.create(Role.COORDINATOR);
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery needed?", "Breast cancer", null, "",
				"Mastectomy", "", "", null, "", List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		return caseId;
	}

	@Test
	void theDefaultListAppliesUntilASpecialtyIsChosenThenTheSpecialtyAddsItsItems() {
		UUID caseId = caseInTriage();
		assertThat(triage.checklist(patient, new CaseId(caseId)).items()).extracting(Checklist.Item::item)
			.containsExactly(FIRST_REPORT, "A list of the medicines you take now");

		Checklist oncology = triage.recordPresent(coordinator, new CaseId(caseId), ONCOLOGY, List.of(FIRST_REPORT));

		assertThat(oncology.specialtyCode()).isEqualTo(ONCOLOGY);
		assertThat(oncology.items()).extracting(Checklist.Item::item).contains(PATHOLOGY, "Imaging report from the last 3 months (CT MRI or PET)");
		Checklist.Item ticked = oncology.items().get(0);
		assertThat(ticked.state()).isEqualTo(ChecklistItemState.PRESENT);
		assertThat(ticked.recordedBy()).isEqualTo(coordinator.id());
		assertThat(ticked.recordedAt()).isNotNull();
		assertThat(triage.checklist(patient, new CaseId(caseId)).missing()).extracting(Checklist.Item::item)
			.doesNotContain(FIRST_REPORT).contains(PATHOLOGY);
	}

	@Test
	void untickingAPresentItemMakesItMissingAgain() {
		UUID caseId = caseInTriage();
		triage.recordPresent(coordinator, new CaseId(caseId), ONCOLOGY, List.of(FIRST_REPORT, PATHOLOGY));
		Checklist after = triage.recordPresent(coordinator, new CaseId(caseId), null, List.of(PATHOLOGY));
		assertThat(after.items()).filteredOn(i -> i.item().equals(FIRST_REPORT)).singleElement()
			.extracting(Checklist.Item::state).isEqualTo(ChecklistItemState.MISSING);
	}

	@Test
	void requestingMissingItemsUsesTheRecordsStepAndThePatientSeesThem() {
		UUID caseId = caseInTriage();
		triage.recordPresent(coordinator, new CaseId(caseId), ONCOLOGY, List.of(FIRST_REPORT));

		triage.requestFromPatient(coordinator, new CaseId(caseId), List.of(PATHOLOGY), "From City Hospital");

		var c = queries.read(patient, new CaseId(caseId), AuditAction.CASE_READ);
		assertThat(c.status()).isEqualTo(OpinionRequestStatus.AWAITING_RECORDS);
		assertThat(c.statusNote()).contains(PATHOLOGY).contains("From City Hospital");
		assertThat(c.triageClock().state().name()).isEqualTo("PAUSED");
		assertThat(triage.checklist(patient, new CaseId(caseId)).missing()).filteredOn(i -> i.item().equals(PATHOLOGY)).singleElement()
			.extracting(Checklist.Item::state).isEqualTo(ChecklistItemState.REQUESTED);
	}

	@Test
	void badChecklistInputIsRefusedAndChangesNothing() {
		UUID caseId = caseInTriage();
		assertThatThrownBy(() -> triage.recordPresent(coordinator, new CaseId(caseId), ONCOLOGY, List.of(FIRST_REPORT, "A photo of the cat")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> triage.recordPresent(coordinator, new CaseId(caseId), "NOT-A-CODE", List.of()))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> triage.recordPresent(patient, new CaseId(caseId), null, List.of(FIRST_REPORT)))
			.isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> triage.requestFromPatient(coordinator, new CaseId(caseId), List.of(), ""))
			.isInstanceOf(InvalidInputException.class);
		assertThat(triage.checklist(coordinator, new CaseId(caseId)).specialtyCode()).isNull();
		assertThat(triage.checklist(coordinator, new CaseId(caseId)).complete()).isFalse();
		assertThat(queries.read(coordinator, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.IN_TRIAGE);
		assertThatThrownBy(() -> triage.checklist(accounts.create(Role.PATIENT), new CaseId(caseId))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theCoordinatorCodesADiagnosisGivenInWordsAndAMalformedCodeChangesNothing() {
		UUID caseId = caseInTriage();
		CaseId id = new CaseId(caseId);
		assertThat(queries.read(coordinator, id, AuditAction.CASE_READ).firstDiagnosis()).isEmpty();

		assertThatThrownBy(() -> caseTriage.codeFirstDiagnosis(coordinator, id, org.consilium.shared.CodeSystem.SNOMED_CT, "254837008"))
			.as("a SNOMED CT id with a wrong check digit").isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("firstDiagnosisCode");
		assertThatThrownBy(() -> caseTriage.codeFirstDiagnosis(coordinator, id, org.consilium.shared.CodeSystem.ICD_10_CM, "NOTACODE"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> caseTriage.codeFirstDiagnosis(patient, id, org.consilium.shared.CodeSystem.ICD_10_CM, "C50.912"))
			.isInstanceOf(ForbiddenActionException.class);
		assertThat(queries.read(coordinator, id, AuditAction.CASE_READ).firstDiagnosis()).as("nothing changed").isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'triage.diagnosis.code' AND outcome <> 'SUCCESS'")
			.param(caseId).query(Long.class).single()).as("each refusal is audited").isEqualTo(3);

		caseTriage.codeFirstDiagnosis(coordinator, id, org.consilium.shared.CodeSystem.SNOMED_CT, " 254837009 ");

		var coded = queries.read(coordinator, id, AuditAction.CASE_READ);
		assertThat(coded.firstDiagnosis()).hasValueSatisfying(c -> {
			assertThat(c.code()).isEqualTo("254837009");
			assertThat(c.system()).isEqualTo(org.consilium.shared.CodeSystem.SNOMED_CT);
		});
		assertThat(coded.firstDiagnosisText()).as("the patient's words stay").isEqualTo("Breast cancer");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'triage.diagnosis.code' AND outcome = 'SUCCESS'")
			.param(caseId).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anUrgentFindingAlertsTheCoordinatorsAndTellsThePatientWithoutTheText() {
		UUID caseId = caseInTriage();
		Actor specialist = accounts.create(Role.SPECIALIST);
		caseTriage.assign(coordinator, new CaseId(caseId), ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");

		UrgentFinding marked = triage.markUrgentFinding(specialist, new CaseId(caseId), "Hypercalcaemia 3.4 mmol/L in the last labs");

		assertThat(events.stream(UrgentFindingMarked.class)).singleElement()
			.isEqualTo(new UrgentFindingMarked(marked.id(), new CaseId(caseId), marked.markedAt()));
		assertThat(triage.openUrgentFindings(coordinator)).extracting(UrgentFinding::id).contains(marked.id());
		assertThat(triage.urgentFindings(coordinator, new CaseId(caseId))).singleElement().extracting(UrgentFinding::finding)
			.isEqualTo("Hypercalcaemia 3.4 mmol/L in the last labs");
		assertThat(triage.urgentFindings(patient, new CaseId(caseId))).singleElement().satisfies(f -> {
			assertThat(f.finding()).isNull();
			assertThat(f.markedAt()).isEqualTo(marked.markedAt());
		});
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'triage.urgent-finding.mark'")
			.param(caseId).query(Long.class).single()).isEqualTo(1);

		triage.acknowledge(coordinator, new CaseId(caseId), marked.id());
		assertThat(triage.openUrgentFindings(coordinator)).extracting(UrgentFinding::id).doesNotContain(marked.id());
		assertThat(triage.urgentFindings(patient, new CaseId(caseId))).as("still on the case").hasSize(1);
		assertThatThrownBy(() -> triage.acknowledge(coordinator, new CaseId(caseId), marked.id())).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void onlyASpecialistOfTheCaseMarksAnUrgentFindingWithSomeText() {
		UUID caseId = caseInTriage();
		Actor specialist = accounts.create(Role.SPECIALIST);
		assertThatThrownBy(() -> triage.markUrgentFinding(specialist, new CaseId(caseId), "x")).as("not yet assigned").isInstanceOf(NotFoundException.class);
		caseTriage.assign(coordinator, new CaseId(caseId), ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		assertThatThrownBy(() -> triage.markUrgentFinding(specialist, new CaseId(caseId), "  ")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> triage.markUrgentFinding(coordinator, new CaseId(caseId), "x")).isInstanceOf(ForbiddenActionException.class);
		assertThat(triage.urgentFindings(coordinator, new CaseId(caseId))).isEmpty();
		assertThat(events.stream(UrgentFindingMarked.class)).isEmpty();
	}

	@Test
	void aDeliveredOpinionCountsInTheTurnaroundReportForCoordinatorsAndAdministrators() {
		UUID caseId = caseInTriage();
		Actor specialist = accounts.create(Role.SPECIALIST);
		caseTriage.assign(coordinator, new CaseId(caseId), ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(caseId));
		review.recordImpression(specialist, new CaseId(caseId), "Agree", null);
		review.saveAndSign(specialist, new CaseId(caseId), null, UUID.randomUUID(), new OpinionContent(Concordance.CONFIRMED,
				List.of(new Diagnosis("Breast cancer", null, "")), TreatmentReview.AGREE, "",
				List.of(new TreatmentOption("Surgery", Invasiveness.INVASIVE, "Cure", "Scar", "Guidelines")), "", List.of("Yes."), "", "Agreed.",
				org.consilium.review.CompleteReport.sections()));

		var turnaround = queries.deliveredTurnarounds(coordinator).stream().filter(t -> t.caseId().value().equals(caseId)).findFirst().orElseThrow();
		assertThat(turnaround.businessDaysUsed()).as("delivered the day it was assigned (or the next, across midnight)").isLessThanOrEqualTo(1);
		assertThat(turnaround.onTime()).isTrue();
		var reviewClock = queries.read(patient, new CaseId(caseId), AuditAction.CASE_READ).reviewClock();
		assertThat(reviewClock.stoppedOnTime()).isTrue();

		TurnaroundReport report = triage.turnaround(accounts.create(Role.ADMIN));
		assertThat(report.months()).isNotEmpty();
		assertThat(report.months().get(report.months().size() - 1).delivered()).isGreaterThanOrEqualTo(1);
		assertThatThrownBy(() -> triage.turnaround(patient)).isInstanceOf(ForbiddenActionException.class);
	}
}
