package org.consilium.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.matching.Reason.Kind;
import org.consilium.matching.SpecialistMatching.Candidates;
import org.consilium.matching.SpecialistMatching.ProfileChange;
import org.consilium.shared.Actor;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * The directory and matching on a real PostgreSQL with Mondo's crosswalks from {@code ../shared/data/mondo}: profiles,
 * the ranking of a submitted case, one-click assignment and overrides with a recorded reason. Each test uses its own
 * specialty so that specialists other tests create do not enter its suggestions.
 */
@ConsiliumIntegrationTest
class SpecialistMatchingTests {

	@Autowired
	SpecialistMatching matching;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Actor coordinator;

	Actor specialist(String specialty, List<String> diseases, List<String> languages, String institution, List<String> licences, int capacity) {
		Actor s = accounts.create(Role.SPECIALIST, specialty);
		matching.saveProfile(Actor.SYSTEM, s.id(), null, new ProfileChange(List.of(specialty), diseases, languages, institution, licences,
				capacity, List.of()));
		return s;
	}

	/** A submitted case whose first opinion came from City Hospital, for a German-speaking patient in Bavaria. */
	OpinionRequestView submittedCase(CodeSystem system, String code) {
		Actor patient = accounts.create(Role.PATIENT);
		OpinionRequestView draft = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is the enzyme therapy right?",
				"Gaucher disease", system, code, "Enzyme replacement therapy", "Dr. First", "City Hospital", null, "Enlarged spleen",
				List.of("Which therapy?"), Urgency.ROUTINE, true));
		intake.updatePatientLocale(patient, draft.id(), "de", "DE-BY");
		coordinator = accounts.create(Role.COORDINATOR);
		return intake.submit(patient, draft.id());
	}

	@Test
	void ranksTheDirectoryForASubmittedCaseAndAssignsTheTopSuggestionWithOneClick() {
		String genetics = "207SG0201X";
		Actor crosswalkExpert = specialist(genetics, List.of("ICD-10-CM:E75.22"), List.of("de"), "University Clinic", List.of("DE"), 5);
		Actor categoryExpert = specialist(genetics, List.of("E75"), List.of("en"), "Metabolic Centre", List.of("DE-BY"), 5);
		Actor conflicted = specialist(genetics, List.of("ORPHA:355"), List.of("de"), " city  hospital", List.of("DE"), 5);
		Actor unlicensed = specialist(genetics, List.of("ORPHA:355"), List.of("de"), "Hôpital Nord", List.of("FR"), 5);
		Actor full = specialist(genetics, List.of("ORPHA:355"), List.of("de"), "Clinic South", List.of("DE"), 1);
		OpinionRequestView other = submittedCase(CodeSystem.ICD_10_CM, "E75.22");
		caseTriage.startTriage(coordinator, other.id());
		caseTriage.assign(coordinator, other.id(), genetics, Urgency.ROUTINE, full.id(), "Assigned by the test.");

		OpinionRequestView c = submittedCase(CodeSystem.ORPHA, "355");
		Candidates candidates = matching.candidates(coordinator, c.id(), genetics);

		assertThat(candidates.crosswalk().loaded()).isTrue();
		assertThat(candidates.facts().reviewDue()).isAfter(candidates.facts().today());
		assertThat(candidates.top()).extracting(RankedSpecialist::specialistId).containsExactly(crosswalkExpert.id(), categoryExpert.id());
		assertThat(candidates.top().get(0).reasons()).extracting(Reason::text).contains("Practises Clinical Genetics (M.D.), the chosen specialty.",
				"Expertise in ICD-10-CM:E75.22, the same disease as ORPHA:355 in Mondo (Mondo:0018150 Gaucher disease).",
				"Writes in German (de), the patient's preferred language.", "Licensed in DE, which covers the patient's jurisdiction DE-BY.");
		assertThat(candidates.top().get(1).reasons()).extracting(Reason::text)
			.contains("Expertise in ICD-10-CM E75, which covers E75.22, the same disease as ORPHA:355 in Mondo.");
		assertThat(candidates.others()).filteredOn(r -> r.specialistId().equals(conflicted.id())).singleElement()
			.satisfies(r -> assertThat(r.reasons()).anyMatch(x -> x.kind() == Kind.CONFLICT && x.excludes()));
		assertThat(candidates.others()).filteredOn(r -> r.specialistId().equals(unlicensed.id())).singleElement()
			.satisfies(r -> assertThat(r.reasons()).extracting(Reason::text).contains("Not licensed for the patient's jurisdiction DE-BY."));
		assertThat(candidates.others()).filteredOn(r -> r.specialistId().equals(full.id())).singleElement()
			.satisfies(r -> assertThat(r.reasons()).extracting(Reason::text).contains("No capacity left: 1 open case for a weekly capacity of 1."));

		OpinionRequestView assigned = caseTriage.assign(coordinator, c.id(), genetics, Urgency.ROUTINE, crosswalkExpert.id(), "");
		assertThat(assigned.status()).isEqualTo(OpinionRequestStatus.ASSIGNED);
		assertThat(assigned.specialistId()).isEqualTo(crosswalkExpert.id());
		assertThat(matching.decisions(coordinator, c.id())).singleElement().satisfies(d -> {
			assertThat(d.rank()).isEqualTo(1);
			assertThat(d.overridden()).isFalse();
		});
		assertThat(audited(c.id().value(), "triage.assign")).isEqualTo(1);
		assertThat(matching.directory(coordinator)).filteredOn(e -> e.specialist().id().equals(crosswalkExpert.id())).singleElement()
			.satisfies(e -> assertThat(e.openCases()).isEqualTo(1));
	}

	@Test
	void anOverrideNeedsAReasonWhichIsStoredAndAudited() {
		String endocrinology = "207RE0101X";
		specialist(endocrinology, List.of("OMIM:230800"), List.of("de"), "University Clinic", List.of("DE"), 5);
		Actor conflicted = specialist(endocrinology, List.of("ORPHA:77259"), List.of("de"), "City Hospital", List.of("DE"), 5);
		OpinionRequestView c = submittedCase(CodeSystem.OMIM, "230800");

		assertThatThrownBy(() -> caseTriage.assign(coordinator, c.id(), endocrinology, Urgency.ROUTINE, conflicted.id(), " "))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("is not eligible (Conflict of interest: works at City Hospital")
			.hasMessageContaining("give a reason for the override");
		assertThat(queries.read(coordinator, c.id(), AuditAction.CASE_READ).status()).as("nothing changed").isEqualTo(OpinionRequestStatus.SUBMITTED);
		assertThat(matching.decisions(coordinator, c.id())).isEmpty();

		String why = "The only specialist for this variant; the patient was told of the shared institution and agreed.";
		caseTriage.assign(coordinator, c.id(), endocrinology, Urgency.ROUTINE, conflicted.id(), why);
		assertThat(matching.decisions(coordinator, c.id())).singleElement().satisfies(d -> {
			assertThat(d.overrideReason()).isEqualTo(why);
			assertThat(d.eligible()).isFalse();
			assertThat(d.specialistId()).isEqualTo(conflicted.id());
		});
		assertThat(audited(c.id().value(), "triage.assign-override")).isEqualTo(1);
	}

	@Test
	void profilesAreEditedByStaffAndTheSpecialistOnlyAndUnknownCodesAreNamed() {
		String rheumatology = "207RR0500X";
		Actor specialist = accounts.create(Role.SPECIALIST, rheumatology);
		SpecialistProfile saved = matching.saveProfile(specialist, specialist.id(), null, new ProfileChange(List.of(), List.of("orpha:77259"),
				List.of("PT-br"), "Clinic", List.of("us-ca"), 3, List.of("2026-12-21/2027-01-03")));
		assertThat(saved.specialties()).containsExactly(rheumatology);
		assertThat(saved.diseases()).containsExactly(new Coding(CodeSystem.ORPHA, "77259"));
		assertThat(saved.languages()).containsExactly("pt-BR");
		assertThat(saved.licences()).containsExactly("US-CA");
		assertThat(saved.version()).isEqualTo(1);

		ProfileChange unknownDisease = new ProfileChange(List.of(), List.of("OMIM:999999"), List.of(), "", List.of(), 3, List.of());
		assertThatThrownBy(() -> matching.saveProfile(specialist, specialist.id(), 1, unknownDisease))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("\"OMIM:999999\"");
		ProfileChange unknownSpecialty = new ProfileChange(List.of("999X"), List.of(), List.of(), "", List.of(), 3, List.of());
		assertThatThrownBy(() -> matching.saveProfile(specialist, specialist.id(), 1, unknownSpecialty)).hasMessageContaining("\"999X\"");
		assertThat(matching.profile(specialist, specialist.id()).orElseThrow()).as("nothing changed").isEqualTo(saved);

		ProfileChange change = new ProfileChange(List.of(), List.of("E75"), List.of("en"), "Clinic", List.of("US"), 4, List.of());
		assertThatThrownBy(() -> matching.saveProfile(accounts.create(Role.SPECIALIST), specialist.id(), 1, change))
			.isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> matching.saveProfile(accounts.create(Role.PATIENT), specialist.id(), 1, change))
			.isInstanceOf(ForbiddenActionException.class);
		assertThat(matching.saveProfile(accounts.create(Role.COORDINATOR), specialist.id(), 1, change).version()).isEqualTo(2);
		assertThatThrownBy(() -> matching.saveProfile(accounts.create(Role.ADMIN), specialist.id(), 1, change))
			.isInstanceOf(EditConflictException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'matching.profile.update' AND record_id = ? AND outcome = 'SUCCESS'")
			.param(specialist.id().value()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theTriagePageShowsTheReasonsAndRefusesAnOverrideWithoutReason() throws Exception {
		String nephrology = "207RN0300X";
		Actor expert = specialist(nephrology, List.of("ICD-10-CM:E75"), List.of("de"), "Kidney Centre", List.of("DE"), 5);
		Actor conflicted = specialist(nephrology, List.of(), List.of("de"), "City Hospital", List.of("DE"), 5);
		OpinionRequestView c = submittedCase(CodeSystem.ICD_10_CM, "E75.22");

		String html = mvc.perform(get("/cases/{id}/triage", c.id()).param("specialtyCode", nephrology)
				.with(authentication(TestAccounts.authentication(coordinator))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Suggested specialists", "Expertise in ICD-10-CM E75, the category that covers E75.22.",
				"value=\"" + expert.id() + "\"", "Conflict of interest: works at City Hospital", "Mondo Disease Ontology", "CC BY 4.0");

		mvc.perform(post("/cases/{id}/triage/assign", c.id()).param("specialtyCode", nephrology).param("urgency", "ROUTINE")
				.param("specialistId", conflicted.id().toString()).with(csrf()).with(authentication(TestAccounts.authentication(coordinator))))
			.andExpect(redirectedUrl("/cases/" + c.id() + "/triage"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("give a reason for the override")));
		assertThat(queries.read(coordinator, c.id(), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.SUBMITTED);

		mvc.perform(post("/cases/{id}/triage/patient-locale", c.id()).param("preferredLanguage", "de").param("jurisdiction", "Bavaria")
				.with(csrf()).with(authentication(TestAccounts.authentication(coordinator))))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("\"Bavaria\"")));

		mvc.perform(post("/cases/{id}/triage/assign", c.id()).param("specialtyCode", nephrology).param("urgency", "ROUTINE")
				.param("specialistId", expert.id().toString()).with(csrf()).with(authentication(TestAccounts.authentication(coordinator))))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("specialist is assigned")));
		assertThat(queries.read(coordinator, c.id(), AuditAction.CASE_READ).specialistId()).isEqualTo(expert.id());
	}

	@Test
	void theDirectoryPagesAreForStaffAndNameAnUnknownCode() throws Exception {
		Actor specialist = accounts.create(Role.SPECIALIST, "2084P0800X");
		String html = mvc.perform(post("/specialists/{id}/profile", specialist.id()).param("diseases", "OMIM:230800\nMESH:D005776")
				.param("languages", "de").param("weeklyCapacity", "3").with(csrf()).with(authentication(TestAccounts.authentication(specialist))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Unknown disease code &quot;MESH:D005776&quot;", "OMIM:230800\nMESH:D005776");
		assertThat(matching.profile(specialist, specialist.id())).isEmpty();

		mvc.perform(post("/specialists/{id}/profile", specialist.id()).param("diseases", "OMIM:230800").param("languages", "de")
				.param("weeklyCapacity", "3").with(csrf()).with(authentication(TestAccounts.authentication(specialist))))
			.andExpect(redirectedUrl("/specialists/" + specialist.id() + "/profile"));
		assertThat(mvc.perform(get("/specialists").with(authentication(TestAccounts.authentication(accounts.create(Role.COORDINATOR)))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(specialist.displayName(), "Psychiatry");
		mvc.perform(get("/specialists").with(authentication(TestAccounts.authentication(accounts.create(Role.PATIENT)))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/specialists/{id}/profile", specialist.id()).with(authentication(TestAccounts.authentication(accounts.create(Role.SPECIALIST)))))
			.andExpect(status().isForbidden());
	}

	private long audited(UUID caseId, String action) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = ? AND outcome = 'SUCCESS'").params(caseId, action)
			.query(Long.class).single();
	}
}
