package org.consilium.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.TestAccounts;
import org.consilium.identity.UserView;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.Urgency;
import org.consilium.records.DocumentView;
import org.consilium.records.RecordsManagement;
import org.consilium.records.TestFiles;
import org.consilium.review.ReportSections.MaterialReviewed;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/** Writing the full report: materials pre-filled from what the specialist opened, and the trial id's field message. */
@ConsiliumIntegrationTest
class ReportAssistanceTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Autowired
	RecordsManagement records;

	@Autowired
	ReportAssistance assistance;

	@Autowired
	ProgramSettings program;

	@Autowired
	MockMvc mvc;

	Actor seed(Role role, String specialty) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
		UserView user = identity.seedAccount(email, role.label(), role, specialty).account();
		return new Actor(user.id(), role, user.displayName());
	}

	@Test
	void materialsReviewedArePrefilledWithTheDocumentsTheSpecialistOpenedAndTheirDates() throws Exception {
		Actor patient = seed(Role.PATIENT, null);
		Actor coordinator = seed(Role.COORDINATOR, null);
		Actor specialist = seed(Role.SPECIALIST, "207RX0202X");
		CaseId id = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery needed?", "Breast cancer", null, "",
				"Mastectomy", "", "", null, "", List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true)).id();
		DocumentView opened = records.uploadDocument(patient, id, "pathology.pdf", new ByteArrayInputStream(TestFiles.pdf()));
		records.uploadDocument(patient, id, "unread-letter.pdf", new ByteArrayInputStream(TestFiles.pdf()));
		intake.submit(patient, id);
		caseTriage.startTriage(coordinator, id);
		caseTriage.assign(coordinator, id, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Probably DCIS", null);
		records.openDocument(specialist, id, opened.id()).content().close();

		List<MaterialReviewed> materials = assistance.openedMaterials(specialist, id);

		assertThat(materials).singleElement().satisfies(m -> {
			assertThat(m.description()).contains("pathology.pdf");
			assertThat(m.date()).isEqualTo(LocalDate.ofInstant(opened.uploadedAt(), program.zone()));
		});
		String page = mvc.perform(get("/cases/{id}/review", id.value()).with(authentication(TestAccounts.authentication(specialist))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("value=\"PDF: pathology.pdf\"").doesNotContain("unread-letter.pdf\"");

		String rejected = mvc.perform(post("/cases/{id}/review/opinion", id.value()).with(csrf())
			.with(authentication(TestAccounts.authentication(specialist))).param("editSession", UUID.randomUUID().toString())
			.param("report.trialIds", "NCT01234567, NCT123").param("plainSummary", "Kept as typed."))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(rejected).contains("id=\"trialIds-error\"").contains("NCT123").contains("NCT followed by 8 digits")
			.contains("Kept as typed.");
		assertThat(review.draft(specialist, id)).as("bad input changes nothing").isEmpty();
	}
}
