package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.StatementRecorder;
import org.consilium.identity.TestAccounts;
import org.consilium.review.Concordance;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * One click reads the case row once, however many modules it passes through ({@link CaseStore}): "patient submits",
 * the specialist's workspace page and "specialist signs", each a real request through MockMvc with its statements
 * counted by a datasource-proxy ({@link StatementRecorder}). Each click also writes one audit row for the user's action.
 */
@ConsiliumIntegrationTest
class CaseReadOncePerRequestTests {

	static final String ONCOLOGY = "207RX0202X";

	@Autowired
	MockMvc mvc;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage triage;

	@Autowired
	ReviewManagement review;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void patientSubmitsReadsTheCaseOnceAndAuditsOnce() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), complete()).id().value();

		List<String> submitting = StatementRecorder.record(() -> mvc.perform(post("/cases/{id}/submit", id).with(csrf())
			.with(authentication(TestAccounts.authentication(patient))).param("expectedVersion", "0").param("editSession", UUID.randomUUID().toString())
			.param("reason", "Surgery proposed").param("firstDiagnosisText", "Breast cancer").param("firstDiagnosisSystem", "ICD_10_CM")
			.param("firstDiagnosisCode", "C50.912").param("proposedTreatment", "Mastectomy").param("questions", "Is surgery necessary?")
			.param("urgency", "ROUTINE").param("consentToShare", "true").param("patientFamilyName", "Tester").param("patientGivenNames", "Pat")
			.param("patientBirthDate", "1970-01-01").param("patientSex", "female")).andExpect(status().is3xxRedirection()));

		report("submitting", submitting);
		assertThat(StatementRecorder.caseRowReads(submitting)).as("reads of the case row in %s", submitting).isEqualTo(1);
		assertThat(statusOf(id)).isEqualTo("SUBMITTED");
		assertThat(auditRows(id, patient)).as("the draft, then one row for the click").containsExactly("case.create", "case.submit");
	}

	@Test
	void theWorkspacePageAndSigningReadTheCaseOnceEach() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST, ONCOLOGY);
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), complete()).id().value();
		intake.submit(patient, new CaseId(id));
		triage.assign(coordinator, new CaseId(id), ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(id));
		review.recordImpression(specialist, new CaseId(id), "Likely DCIS", null);

		List<String> workspace = StatementRecorder.record(() -> mvc.perform(get("/cases/{id}/review", id)
			.with(authentication(TestAccounts.authentication(specialist)))).andExpect(status().isOk()));
		report("workspace", workspace);
		assertThat(StatementRecorder.caseRowReads(workspace)).as("reads of the case row in %s", workspace).isEqualTo(1);

		List<String> signing = StatementRecorder.record(() -> mvc.perform(post("/cases/{id}/review/opinion/sign", id).with(csrf())
			.with(authentication(TestAccounts.authentication(specialist))).param("editSession", UUID.randomUUID().toString())
			.param("concordance", Concordance.REFINED.name()).param("diagnoses[0].text", "Ductal carcinoma in situ")
			.param("diagnoses[0].system", "ICD_10_CM").param("diagnoses[0].code", "D05.12")
			.param("treatmentReview", TreatmentReview.MODIFY.name()).param("treatmentComment", "Lumpectomy with radiotherapy")
			.param("answers[0]", "No, breast-conserving surgery is an option.").param("plainSummary", "It is an early, non-invasive cancer.")
			.param("report.materials[0].description", "Pathology report").param("report.materials[0].date", "2026-03-02")
			.param("report.discussionPoints", "Radiotherapy after surgery").param("report.nextSteps", "See a breast surgeon")
			.param("report.inPersonVisit", "false").param("report.reviewerSpecialty", "Breast oncology")
			.param("report.reviewerInstitution", "University Hospital").param("report.reviewerLicence", "GMC 1234567"))
			.andExpect(status().is3xxRedirection()));
		report("signing", signing);
		assertThat(StatementRecorder.caseRowReads(signing)).as("reads of the case row in %s", signing).isEqualTo(1);
		assertThat(statusOf(id)).isEqualTo("DELIVERED");
		assertThat(auditRows(id, specialist)).as("accept, impression, then one row for saving and signing")
			.containsExactly("review.accept", "review.impression", "review.opinion.sign");
	}

	/** The figures the closing notes quote: statements of the request and reads of the case row among them. */
	private static void report(String request, List<String> statements) {
		System.out.printf("statements of %s: %d, of which case-row reads: %d%n", request, statements.size(),
				StatementRecorder.caseRowReads(statements));
	}

	private String statusOf(UUID id) {
		return jdbc.sql("SELECT status FROM intake.opinion_request WHERE id = ?").param(id).query(String.class).single();
	}

	/** The actor's successful audit rows on the case, oldest first, reads of the case's parts left out. */
	private List<String> auditRows(UUID id, Actor actor) {
		return jdbc.sql("""
				SELECT action FROM audit.audit_event WHERE case_id = ? AND actor_id = ? AND outcome = 'SUCCESS' AND action NOT LIKE '%read%'
				  AND action NOT LIKE '%.list' AND action <> 'review.workspace' ORDER BY occurred_at, id""")
			.params(id, actor.id().value()).query(String.class).list();
	}

	private static DraftContent complete() {
		return TestDrafts.content("Surgery proposed", "Breast cancer", CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr. First", "City Hospital",
				null, "Lump for three months", List.of("Is surgery necessary?"), Urgency.ROUTINE, true);
	}
}
