package org.consilium.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.Urgency;
import org.consilium.opinion.OpinionManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/** A case sent to a panel (issue #5, "Panels") on a real PostgreSQL: blinding, consensus, dissent, access. */
@ConsiliumIntegrationTest
class PanelTests {

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
	PanelReview panels;

	@Autowired
	OpinionManagement opinions;

	Actor patient;

	Actor coordinator;

	Actor chair;

	Actor first;

	Actor second;

	UUID panelCaseInReview() {
		patient = accounts.create(Role.PATIENT);
		coordinator = accounts.create(Role.COORDINATOR);
		chair = accounts.create(Role.SPECIALIST);
		first = accounts.create(Role.SPECIALIST, "2085R0202X");
		second = accounts.create(Role.SPECIALIST, "207ZP0102X");
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery needed?", "Breast cancer", null, "",
				"Mastectomy", "", "", null, "", List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		caseTriage.assignPanel(coordinator, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, chair.id(), List.of(first.id(), second.id()));
		review.acceptAssignment(chair, new CaseId(caseId));
		return caseId;
	}

	@Test
	void aMemberReadsTheOtherMembersOpinionsOnlyAfterSavingTheirOwn() {
		UUID caseId = panelCaseInReview();
		review.recordImpression(first, new CaseId(caseId), "Looks like DCIS", null);
		panels.savePanelOpinion(first, new CaseId(caseId), Concordance.REFINED, "DCIS rather than invasive cancer");
		review.recordImpression(second, new CaseId(caseId), "Needs a second look at the slides", null);

		assertThatThrownBy(() -> panels.panelOpinions(second, new CaseId(caseId))).as("second has not saved theirs")
			.isInstanceOf(ForbiddenActionException.class);
		assertThat(review.draft(second, new CaseId(caseId))).as("nor the chair's consensus draft").isEmpty();

		panels.savePanelOpinion(second, new CaseId(caseId), Concordance.CONFIRMED, "Invasive ductal carcinoma, as the first opinion says");
		assertThat(panels.panelOpinions(second, new CaseId(caseId))).extracting(PanelOpinion::opinion)
			.containsExactly("DCIS rather than invasive cancer", "Invasive ductal carcinoma, as the first opinion says");
		assertThat(panels.panelOpinions(coordinator, new CaseId(caseId))).hasSize(2);
	}

	@Test
	void eachMemberIsBlindedToTheFirstOpinionUntilTheirOwnImpression() {
		UUID caseId = panelCaseInReview();
		review.recordImpression(chair, new CaseId(caseId), "Chair's impression", null);

		assertThat(queries.read(chair, new CaseId(caseId), AuditAction.CASE_READ).firstDiagnosisText()).isEqualTo("Breast cancer");
		assertThat(queries.read(first, new CaseId(caseId), AuditAction.CASE_READ).firstOpinionBlinded()).isTrue();
		assertThat(queries.read(first, new CaseId(caseId), AuditAction.CASE_READ).firstDiagnosisText()).isNull();
		assertThatThrownBy(() -> panels.savePanelOpinion(first, new CaseId(caseId), Concordance.CONFIRMED, "Agree"))
			.as("impression first").isInstanceOf(IllegalTransitionException.class);

		review.recordImpression(first, new CaseId(caseId), "My own look", null);
		assertThat(queries.read(first, new CaseId(caseId), AuditAction.CASE_READ).firstDiagnosisText()).isEqualTo("Breast cancer");
		assertThat(queries.read(second, new CaseId(caseId), AuditAction.CASE_READ).firstOpinionBlinded()).as("the other member still blinded").isTrue();
	}

	@Test
	void theChairWritesTheConsensusAndADissentStaysVisibleToThePatient() {
		UUID caseId = panelCaseInReview();
		review.recordImpression(first, new CaseId(caseId), "Looks like DCIS", null);
		panels.savePanelOpinion(first, new CaseId(caseId), Concordance.REFINED, "DCIS");
		panels.recordDissent(first, new CaseId(caseId), "I would not operate before a repeat biopsy.");
		review.recordImpression(chair, new CaseId(caseId), "Chair's impression", null);

		assertThatThrownBy(() -> review.saveDraft(first, new CaseId(caseId), null, ReviewJourneyTests.content(Concordance.CONFIRMED, List.of("No."), "x")))
			.as("a member cannot write the consensus").isInstanceOf(ForbiddenActionException.class);
		assertThat(opinions.dissents(patient, new CaseId(caseId))).as("not before delivery").isEmpty();

		review.saveAndSign(chair, new CaseId(caseId), null, UUID.randomUUID(),
				ReviewJourneyTests.content(Concordance.REFINED, List.of("Lumpectomy is enough."), "The panel agrees it is DCIS."));

		assertThat(queries.read(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.DELIVERED);
		assertThat(opinions.read(patient, new CaseId(caseId)).opinion().plainSummary()).isEqualTo("The panel agrees it is DCIS.");
		assertThat(opinions.dissents(patient, new CaseId(caseId))).singleElement().satisfies(d -> {
			assertThat(d.dissent()).isEqualTo("I would not operate before a repeat biopsy.");
			assertThat(d.memberName()).isEqualTo(first.displayName());
		});
	}

	@Test
	void aSpecialistOutsideThePanelGetsNotFound() {
		UUID caseId = panelCaseInReview();
		Actor outsider = accounts.create(Role.SPECIALIST);

		assertThatThrownBy(() -> queries.read(outsider, new CaseId(caseId), AuditAction.CASE_READ)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> panels.panelOpinions(outsider, new CaseId(caseId))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> panels.savePanelOpinion(outsider, new CaseId(caseId), Concordance.CONFIRMED, "x")).isInstanceOf(NotFoundException.class);
		assertThat(review.assignedCases(first)).extracting(c -> c.id()).contains(new CaseId(caseId));
		assertThat(review.assignedCases(outsider)).extracting(c -> c.id()).doesNotContain(new CaseId(caseId));
	}

	@Test
	void aPanelNeedsTwoToFiveMembersBesidesTheChairAndChangesNothingOtherwise() {
		Actor p = accounts.create(Role.PATIENT);
		Actor coord = accounts.create(Role.COORDINATOR);
		Actor c = accounts.create(Role.SPECIALIST);
		Actor m = accounts.create(Role.SPECIALIST);
		UUID caseId = intake.createDraft(p, null, UUID.randomUUID(), TestDrafts.content("Why?", "Dx", null, "", "Tx", "", "", null, "",
				List.of("Q?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(p, new CaseId(caseId));
		caseTriage.startTriage(coord, new CaseId(caseId));

		assertThatThrownBy(() -> caseTriage.assignPanel(coord, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, c.id(), List.of(m.id())))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> caseTriage.assignPanel(coord, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, c.id(), List.of(m.id(), c.id())))
			.as("the chair is not one of the members").isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> caseTriage.assignPanel(coord, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, c.id(), List.of(m.id(), p.id())))
			.as("members are specialists").isInstanceOf(InvalidInputException.class);
		assertThat(queries.read(coord, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.IN_TRIAGE);
		assertThatThrownBy(() -> queries.read(m, new CaseId(caseId), AuditAction.CASE_READ)).isInstanceOf(NotFoundException.class);
	}
}
