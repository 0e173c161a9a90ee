package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.notification.NoticeKind;
import org.consilium.notification.NoticeView;
import org.consilium.notification.Notices;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;

/**
 * The case's one event, {@link OpinionRequestStatusChanged}, and what its consumer (notification) does with it in the
 * publishing transaction: a submission tells the coordinators, a withdrawal tells nobody.
 */
@ConsiliumIntegrationTest
@EnableScenarios
class CaseEventsTests {

	@Autowired
	IntakeManagement intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	Notices notices;

	@Test
	void submittingPublishesTheStatusChangeAndTheCoordinatorsAreNoticed(Scenario scenario) {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), complete()).id().value();

		scenario.stimulate(() -> intake.submit(patient, new CaseId(id)))
			.andWaitForEventOfType(OpinionRequestStatusChanged.class)
			.matching(e -> e.opinionRequestId().value().equals(id))
			.toArriveAndVerify(e -> {
				assertThat(e.from()).isEqualTo(OpinionRequestStatus.DRAFT);
				assertThat(e.to()).isEqualTo(OpinionRequestStatus.SUBMITTED);
				assertThat(noticesOf(coordinator, id)).containsExactly(NoticeKind.CASE_SUBMITTED);
			});
	}

	@Test
	void withdrawingADraftPublishesTheStatusChangeAndNoticesNobody(Scenario scenario) {
		Actor patient = accounts.create(Role.PATIENT);
		UUID id = cases.draft(patient);

		scenario.stimulate(() -> intake.withdraw(patient, new CaseId(id)))
			.andWaitForEventOfType(OpinionRequestStatusChanged.class)
			.matching(e -> e.opinionRequestId().value().equals(id) && e.to() == OpinionRequestStatus.WITHDRAWN)
			.toArriveAndVerify(e -> assertThat(noticesOf(patient, id)).isEmpty());
	}

	private List<NoticeKind> noticesOf(Actor actor, UUID caseId) {
		return notices.page(actor, 0).notices().stream().filter(n -> caseId.equals(n.caseId().value())).map(NoticeView::kind).toList();
	}

	private static DraftContent complete() {
		return TestDrafts.content("Surgery proposed", "Breast cancer", CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr. First",
				"City Hospital", null, "Lump for three months", List.of("Is surgery necessary?"), Urgency.ROUTINE, true);
	}
}
