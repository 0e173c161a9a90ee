package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.shared.Actor;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/** Issue #11, "the right patient": the case holds who it is about, entered at intake, required at submission. */
@ConsiliumIntegrationTest
class PatientDetailsTests {

	@Autowired
	TestCases cases;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseQueries queries;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	static DraftContent about(PatientDetails patient) {
		return new DraftContent("Surgery proposed", "Breast cancer", null, "", "Mastectomy", "", "", null, "",
				List.of("Is surgery necessary?"), Urgency.ROUTINE, true, patient);
	}

	@Test
	void aDraftMayLackThePatientsDetailsButSubmittingNamesWhatIsMissing() {
		Actor patient = accounts.create(Role.PATIENT);
		OpinionRequestView draft = intake.createDraft(patient, null, UUID.randomUUID(),
				about(new PatientDetails("Núñez", null, null, null)));
		assertThatThrownBy(() -> intake.submit(patient, draft.id()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("the patient's given names")
			.hasMessageContaining("the patient's birth date")
			.hasMessageContaining("the patient's sex")
			.hasMessageNotContaining("family name");
		OpinionRequestView none = intake.createDraft(patient, null, UUID.randomUUID(), about(PatientDetails.none()));
		assertThatThrownBy(() -> intake.submit(patient, none.id())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("the patient's family name");
	}

	@Test
	void aReferringPhysicianRecordsThePatientsDetailsWhichEveryoneWithAccessReads() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		String email = jdbc.sql("SELECT email FROM identity.user_account WHERE id = ?").param(patient.id().value()).query(String.class).single();
		PatientDetails maria = new PatientDetails(" Núñez ", "María  Elena", LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE);
		OpinionRequestView draft = cases.referred(referrer, email, patient, about(maria));
		intake.submit(referrer, draft.id());
		OpinionRequestView read = queries.read(patient, draft.id(), AuditAction.CASE_READ);
		assertThat(read.patient()).isEqualTo(new PatientDetails("Núñez", "María Elena", LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE));
		assertThat(read.patient().summary()).isEqualTo("María Elena Núñez, born 3 February 1980, female");
	}

	@Test
	void aReferringPhysicianWhoEntersTheirOwnNameForThePatientIsToldAndNothingIsStored() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor physician = accounts.create(Role.REFERRING_PHYSICIAN);
		Actor referrer = new Actor(physician.id(), physician.role(), "Dr. Rita Ménard-Okafor");
		String email = jdbc.sql("SELECT email FROM identity.user_account WHERE id = ?").param(patient.id().value()).query(String.class).single();
		long before = jdbc.sql("SELECT count(*) FROM intake.opinion_request WHERE referrer_id = ?").param(referrer.id().value()).query(Long.class).single();
		PatientDetails own = new PatientDetails("menard okafor", "RITA", LocalDate.of(1975, 5, 6), AdministrativeSex.FEMALE);
		assertThatThrownBy(() -> intake.createDraft(referrer, email, UUID.randomUUID(), about(own)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("your own name");
		assertThat(jdbc.sql("SELECT count(*) FROM intake.opinion_request WHERE referrer_id = ?").param(referrer.id().value()).query(Long.class).single())
			.isEqualTo(before);

		PatientDetails maria = new PatientDetails("Núñez", "María", LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE);
		OpinionRequestView draft = intake.createDraft(referrer, email, UUID.randomUUID(), about(maria));
		assertThatThrownBy(() -> intake.updateDraft(referrer, draft.id(), draft.version(), about(own)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("your own name");
		assertThat(queries.read(referrer, draft.id(), AuditAction.CASE_READ).patient().familyName()).isEqualTo("Núñez");
		// a patient's own account enters their own name, of course
		assertThat(intake.createDraft(new Actor(patient.id(), Role.PATIENT, "Rita Ménard-Okafor"), null, UUID.randomUUID(), about(own)).patient()
			.givenNames()).isEqualTo("RITA");
	}

	@Test
	void aBirthDateInTheFutureOrBefore1900AndOverlongNamesAreRefused() {
		Actor patient = accounts.create(Role.PATIENT);
		assertThatThrownBy(() -> intake.createDraft(patient, null, UUID.randomUUID(),
				about(new PatientDetails("Doe", "Jane", LocalDate.now().plusDays(3), AdministrativeSex.FEMALE))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
		assertThatThrownBy(() -> intake.createDraft(patient, null, UUID.randomUUID(),
				about(new PatientDetails("Doe", "Jane", LocalDate.of(1899, 12, 31), AdministrativeSex.FEMALE))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("1900");
		assertThatThrownBy(() -> intake.createDraft(patient, null, UUID.randomUUID(),
				about(new PatientDetails("D".repeat(PatientDetails.MAX_NAME + 1), "Jane", null, null))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("family name");
	}

	@Test
	void theSexIsAFhirAdministrativeGenderCode() {
		assertThat(AdministrativeSex.ofCode(" Female ")).contains(AdministrativeSex.FEMALE);
		assertThat(AdministrativeSex.ofCode("f")).isEmpty();
		assertThatThrownBy(() -> AdministrativeSex.fromJson("f")).isInstanceOf(InvalidInputException.class);
	}
}
