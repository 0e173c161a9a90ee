package org.consilium.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.OutsideServicesIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.TestCases;
import org.consilium.intake.Urgency;
import org.consilium.review.ReviewManagement;
import org.consilium.audit.AuditAction;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * The consent the patient controls (issue #12 item 5) on a real PostgreSQL: intake's single flag becomes the first
 * record by migration, a submission records the reviewers' consent, and revoking it during review needs the patient's
 * confirmation, then withdraws the case and keeps the specialist out from their next request.
 */
@OutsideServicesIntegrationTest
class ConsentTests {

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseQueries queries;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theMigrationTurnsIntakesConsentFlagIntoTheFirstActiveRecordOnce() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = UUID.randomUUID();
		Instant consentAt = Instant.parse("2025-03-04T10:15:30Z");
		// a case as an earlier release stored it: submitted with the flag, and no consent record
		jdbc.sql("""
				INSERT INTO intake.opinion_request (id, version, status, patient_id, created_by, request_token, reason, first_diagnosis_text,
				  first_diagnosis_code, proposed_treatment, first_physician, first_institution, symptoms_and_history, urgency,
				  consent_to_share, consent_at, created_at)
				VALUES (?, 1, 'SUBMITTED', ?, ?, ?, 'r', 'd', '', '', '', '', '', 'ROUTINE', TRUE, ?, ?)""")
			.params(caseId, patient.id().value(), patient.id().value(), UUID.randomUUID(), Timestamp.from(consentAt),
					Timestamp.from(consentAt.minus(1, ChronoUnit.DAYS)))
			.update();
		String migration = new ClassPathResource("db/migration/sharing/V2__consent_from_intake_flag.sql").getContentAsString(
				java.nio.charset.StandardCharsets.UTF_8);

		jdbc.sql(migration).update();
		jdbc.sql(migration).update();

		Consents.SharingChoices choices = consents.choices(patient, new CaseId(caseId));
		assertThat(choices.history()).hasSize(1);
		ConsentView first = choices.history().get(0);
		assertThat(first.choice()).isEqualTo(ConsentChoice.REVIEWERS);
		assertThat(first.status()).isEqualTo("active");
		assertThat(first.dateTime()).isEqualTo(consentAt);
		assertThat(first.scope()).isEqualTo("patient-privacy");
		assertThat(first.category()).isEqualTo("59284-0");
		assertThat(first.purpose()).isEqualTo("TREAT");
		assertThat(first.source()).isEqualTo("intake.consent_to_share");
	}

	@Test
	void revokingTheReviewersConsentDuringReviewAsksFirstThenWithdrawsTheCaseAndKeepsTheSpecialistOut() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST);
		CaseId id = cases.submitted(patient);
		caseTriage.startTriage(coordinator, id);
		caseTriage.assign(coordinator, id, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		ConsentView reviewers = consents.choices(patient, id).current().stream()
			.filter(c -> c.choice() == ConsentChoice.REVIEWERS).findFirst().orElseThrow();
		assertThat(reviewers.source()).as("recorded at submission").isEqualTo("submission");

		assertThat(consents.revoke(patient, id, reviewers.consentId(), false)).isEqualTo(Consents.Revocation.NEEDS_CONFIRMATION);
		assertThat(consents.isActive(reviewers.consentId())).as("nothing changes before the confirmation").isTrue();
		assertThat(inTransaction(() -> access.requireAccess(specialist, id, AuditAction.CASE_READ).status())).isEqualTo(OpinionRequestStatus.IN_REVIEW);

		assertThat(consents.revoke(patient, id, reviewers.consentId(), true)).isEqualTo(Consents.Revocation.REVOKED_AND_CASE_WITHDRAWN);

		assertThat(consents.isActive(reviewers.consentId())).isFalse();
		assertThat(queries.read(patient, id, AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.WITHDRAWN);
		assertThatThrownBy(() -> inTransaction(() -> access.requireAccess(specialist, id, AuditAction.CASE_READ)))
			.as("the specialist's next request is refused").isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> consents.revoke(patient, id, reviewers.consentId(), true)).hasMessageContaining("already withdrawn");
		assertThatThrownBy(() -> consents.revoke(specialist, id, reviewers.consentId(), true)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void researchConsentIsGivenAndRevokedWithItsHistory() {
		Actor patient = accounts.create(Role.PATIENT);
		CaseId id = cases.submitted(patient);
		ConsentView research = consents.agreeToResearch(patient, id);
		assertThat(research.scope()).isEqualTo("research");
		assertThat(research.purpose()).isEqualTo("HRESCH");
		assertThat(consents.revoke(patient, id, research.consentId(), false)).isEqualTo(Consents.Revocation.REVOKED);
		assertThat(consents.choices(patient, id).history()).filteredOn(v -> v.choice() == ConsentChoice.RESEARCH)
			.extracting(ConsentView::version, ConsentView::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "active"), org.assertj.core.groups.Tuple.tuple(2, "inactive"));
		assertThat(queries.read(patient, id, AuditAction.CASE_READ).status()).as("research consent does not touch the case")
			.isEqualTo(OpinionRequestStatus.SUBMITTED);
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(transactions).execute(s -> work.get());
	}
}
