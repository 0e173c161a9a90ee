package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.intake.OpinionRequestStatus.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;

/** Every verb from every state: legal ones reach the state of docs/architecture.md, all others answer 409 and change nothing. */
class OpinionRequestLifecycleTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	static final UUID PATIENT = UUID.randomUUID();

	static final UUID COORDINATOR = UUID.randomUUID();

	static final UUID SPECIALIST = UUID.randomUUID();

	/** The legal transitions, written out from the lifecycle diagram (not derived from CaseAction). */
	static final List<Object[]> LEGAL = List.of(
			new Object[] { CaseAction.SUBMIT, DRAFT, SUBMITTED },
			new Object[] { CaseAction.WITHDRAW, DRAFT, WITHDRAWN },
			new Object[] { CaseAction.WITHDRAW, SUBMITTED, WITHDRAWN },
			new Object[] { CaseAction.START_TRIAGE, SUBMITTED, IN_TRIAGE },
			new Object[] { CaseAction.REQUEST_RECORDS, IN_TRIAGE, AWAITING_RECORDS },
			new Object[] { CaseAction.RECORDS_RECEIVED, AWAITING_RECORDS, IN_TRIAGE },
			new Object[] { CaseAction.DECLINE, SUBMITTED, DECLINED },
			new Object[] { CaseAction.DECLINE, IN_TRIAGE, DECLINED },
			new Object[] { CaseAction.DECLINE, AWAITING_RECORDS, DECLINED },
			new Object[] { CaseAction.ASSIGN, IN_TRIAGE, ASSIGNED },
			new Object[] { CaseAction.ACCEPT, ASSIGNED, IN_REVIEW },
			new Object[] { CaseAction.DECLINE_ASSIGNMENT, ASSIGNED, IN_TRIAGE },
			new Object[] { CaseAction.RELEASE, ASSIGNED, IN_TRIAGE },
			new Object[] { CaseAction.RELEASE, IN_REVIEW, IN_TRIAGE },
			new Object[] { CaseAction.RELEASE, AWAITING_PATIENT, IN_TRIAGE },
			new Object[] { CaseAction.ASK_PATIENT, IN_REVIEW, AWAITING_PATIENT },
			new Object[] { CaseAction.PATIENT_ANSWERED, AWAITING_PATIENT, IN_REVIEW },
			new Object[] { CaseAction.SIGN, IN_REVIEW, OPINION_SIGNED },
			new Object[] { CaseAction.DELIVER, OPINION_SIGNED, DELIVERED },
			new Object[] { CaseAction.CLOSE, DELIVERED, CLOSED },
			// the patient revokes the reviewers' consent while the case is under way (issue #12)
			new Object[] { CaseAction.WITHDRAW_CONSENT, SUBMITTED, WITHDRAWN },
			new Object[] { CaseAction.WITHDRAW_CONSENT, IN_TRIAGE, WITHDRAWN },
			new Object[] { CaseAction.WITHDRAW_CONSENT, AWAITING_RECORDS, WITHDRAWN },
			new Object[] { CaseAction.WITHDRAW_CONSENT, ASSIGNED, WITHDRAWN },
			new Object[] { CaseAction.WITHDRAW_CONSENT, IN_REVIEW, WITHDRAWN },
			new Object[] { CaseAction.WITHDRAW_CONSENT, AWAITING_PATIENT, WITHDRAWN });

	static Stream<Arguments> everyActionFromEveryState() {
		List<Arguments> all = new ArrayList<>();
		for (CaseAction action : CaseAction.values()) {
			for (OpinionRequestStatus from : OpinionRequestStatus.values()) {
				OpinionRequestStatus expected = LEGAL.stream().filter(l -> l[0] == action && l[1] == from)
					.map(l -> (OpinionRequestStatus) l[2]).findFirst().orElse(null);
				all.add(Arguments.of(action, from, expected));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} from {1} -> {2}")
	@MethodSource("everyActionFromEveryState")
	void movesOnlyAlongTheLifecycle(CaseAction action, OpinionRequestStatus from, OpinionRequestStatus expected) {
		OpinionRequest request = inState(from);
		if (expected != null) {
			apply(action, request);
			assertThat(request.status()).isEqualTo(expected);
			assertThat(request.drainPendingChanges()).extracting(StatusChange::toStatus).containsExactly(expected);
			assertThat(request.consentToShare()).isEqualTo(action != CaseAction.WITHDRAW_CONSENT);
		}
		else if (action == CaseAction.WITHDRAW_CONSENT) {
			apply(action, request);
			assertThat(request.status()).as("outside review a revoked consent leaves the status").isEqualTo(from);
			assertThat(request.drainPendingChanges()).isEmpty();
			assertThat(request.consentToShare()).as("but no reviewer reads the case any more").isFalse();
		}
		else if (action == CaseAction.SUBMIT && from == SUBMITTED) {
			apply(action, request);
			assertThat(request.status()).as("a double-clicked submit is harmless").isEqualTo(SUBMITTED);
			assertThat(request.drainPendingChanges()).isEmpty();
		}
		else {
			assertThatThrownBy(() -> apply(action, request)).isInstanceOf(IllegalTransitionException.class)
				.hasMessageStartingWith("You cannot");
			assertThat(request.status()).isEqualTo(from);
			assertThat(request.drainPendingChanges()).isEmpty();
		}
	}

	@Test
	void rejectsSubmittingWithoutConsentAndNamesWhatIsMissing() {
		OpinionRequest request = OpinionRequest.draft(PATIENT, null, PATIENT, UUID.randomUUID(),
				TestDrafts.content("reason", "diagnosis", null, "", "", "", "", null, "", List.of("A question?"), Urgency.ROUTINE, false), NOW);
		assertThatThrownBy(() -> request.submit(PATIENT, NOW)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("consent");
		assertThat(request.status()).isEqualTo(DRAFT);
	}

	@Test
	void rejectsMoreThanTenQuestions() {
		List<String> eleven = Stream.generate(() -> "Why?").limit(11).toList();
		assertThatThrownBy(() -> OpinionRequest.draft(PATIENT, null, PATIENT, UUID.randomUUID(),
				TestDrafts.content("r", "d", null, "", "", "", "", null, "", eleven, Urgency.ROUTINE, true), NOW))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10");
	}

	@Test
	void rejectsADiagnosisCodeWithoutItsSystem() {
		assertThatThrownBy(() -> OpinionRequest.draft(PATIENT, null, PATIENT, UUID.randomUUID(),
				TestDrafts.content("r", "d", null, "C50.9", "", "", "", null, "", List.of("q"), Urgency.ROUTINE, true), NOW))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("code system");
	}

	@Test
	void rejectsSigningBeforeTheImpressionIsRecorded() {
		OpinionRequest request = inState(IN_REVIEW, null);
		assertThatThrownBy(() -> request.signOpinion(SPECIALIST, NOW)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("impression");
	}

	@Test
	void editingIsOnlyPossibleInDraft() {
		OpinionRequest request = inState(SUBMITTED);
		assertThatThrownBy(() -> request.edit(DraftContent.empty(), NOW)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void declineOfAnAssignmentReturnsTheCaseToTriageWithoutASpecialist() {
		OpinionRequest request = inState(ASSIGNED);
		request.unassign(CaseAction.DECLINE_ASSIGNMENT, SPECIALIST, "Conflict of interest", NOW);
		assertThat(request.status()).isEqualTo(IN_TRIAGE);
		assertThat(request.specialistId()).isNull();
	}

	@Test
	void aDepartedSpecialistsCaseInReviewGoesBackToTriageAndTheNextSpecialistIsBlindedAgain() {
		OpinionRequest request = inState(IN_REVIEW);
		request.unassign(CaseAction.RELEASE, SPECIALIST, "The specialist's account was deactivated.", NOW);
		assertThat(request.status()).isEqualTo(IN_TRIAGE);
		assertThat(request.specialistId()).isNull();
		assertThat(request.impressionRecordedAt()).as("the next specialist's impression is their own").isNull();
	}

	private static void apply(CaseAction action, OpinionRequest r) {
		switch (action) {
			case SUBMIT -> r.submit(PATIENT, NOW);
			case WITHDRAW -> r.withdraw(PATIENT, NOW);
			case START_TRIAGE -> r.startTriage(COORDINATOR, NOW);
			case REQUEST_RECORDS -> r.requestRecords(COORDINATOR, "Please add the pathology report.", NOW);
			case RECORDS_RECEIVED -> r.recordsReceived(PATIENT, NOW);
			case DECLINE -> r.decline(COORDINATOR, DeclineReason.OUT_OF_SCOPE, "", NOW);
			case ASSIGN -> r.assign(COORDINATOR, "207RX0202X", Urgency.ROUTINE, SPECIALIST, NOW);
			case ACCEPT -> r.accept(SPECIALIST, NOW);
			case DECLINE_ASSIGNMENT -> r.unassign(action, SPECIALIST, "Away", NOW);
			case RELEASE -> r.unassign(action, SPECIALIST, "The specialist's account was deactivated.", NOW);
			case ASK_PATIENT -> r.askPatient(SPECIALIST, NOW);
			case PATIENT_ANSWERED -> r.patientAnswered(PATIENT, NOW);
			case SIGN -> r.signOpinion(SPECIALIST, NOW);
			case DELIVER -> r.deliver(SPECIALIST, NOW);
			case CLOSE -> r.close(PATIENT, NOW);
			case WITHDRAW_CONSENT -> r.withdrawConsent(PATIENT, NOW);
		}
	}

	/** A complete case in the given state, with the impression recorded so signing is possible. */
	static OpinionRequest inState(OpinionRequestStatus status) {
		return inState(status, NOW);
	}

	static OpinionRequest inState(OpinionRequestStatus status, Instant impressionRecordedAt) {
		OpinionRequest request = new OpinionRequest(UUID.randomUUID(), 1, status, PATIENT, null, PATIENT, UUID.randomUUID(), COORDINATOR, SPECIALIST,
				"Second opinion before surgery", "Breast cancer", CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr. First", "City Hospital",
				LocalDate.of(2026, 11, 1), "Lump", Urgency.ROUTINE, true, NOW, "207RX0202X", null, null, impressionRecordedAt, null, NOW,
				List.of(new PatientQuestion("Is surgery needed?")));
		request.adoptPatient(TestDrafts.PATIENT, NOW);
		return request;
	}
}
