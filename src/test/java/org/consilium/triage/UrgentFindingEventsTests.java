package org.consilium.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.TestCases;
import org.consilium.intake.Urgency;
import org.consilium.notification.NoticeKind;
import org.consilium.notification.NoticeView;
import org.consilium.notification.Notices;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * Triage's event, {@link UrgentFindingMarked}, and its consumer's effect in the publishing transaction: the case's
 * coordinator is told of the finding and the patient is asked to contact their physician.
 */
@ConsiliumIntegrationTest
@EnableScenarios
class UrgentFindingEventsTests {

	static final String ONCOLOGY = "207RX0202X";

	@Autowired
	TriageManagement triage;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	IntakeManagement intake;

	@Autowired
	ReviewManagement review;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	Notices notices;

	@Test
	void markingAFindingPublishesItAndTheCoordinatorAndThePatientAreNoticed(Scenario scenario) {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST, ONCOLOGY);
		UUID id = cases.draft(patient, org.consilium.intake.TestDrafts.PATIENT);
		intake.submit(patient, new CaseId(id));
		caseTriage.assign(coordinator, new CaseId(id), ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(id));

		scenario.stimulate(() -> triage.markUrgentFinding(specialist, new CaseId(id), "A mass that needs imaging within days."))
			.andWaitForEventOfType(UrgentFindingMarked.class)
			.matching(e -> e.caseId().value().equals(id))
			.toArriveAndVerify(e -> {
				assertThat(noticesOf(coordinator, id)).contains(NoticeKind.URGENT_FINDING);
				assertThat(noticesOf(patient, id)).contains(NoticeKind.CONTACT_PHYSICIAN);
			});
	}

	private List<NoticeKind> noticesOf(Actor actor, UUID caseId) {
		return notices.page(actor, 0).notices().stream().filter(n -> caseId.equals(n.caseId().value())).map(NoticeView::kind).toList();
	}
}
