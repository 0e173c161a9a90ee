package org.consilium.intake;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.consilium.shared.Actor;

/** Creates real cases for tests through the intake facade. */
@Component
public class TestCases {

	private final IntakeManagement intake;

	private final PatientInvitations invitations;

	public TestCases(IntakeManagement intake, PatientInvitations invitations) {
		this.intake = intake;
		this.invitations = invitations;
	}

	/**
	 * A referring physician's draft for the patient at {@code patientEmail}, accepted by {@code patient} with the code
	 * the physician reads from the draft's invitation, as a physician and patient would.
	 */
	public OpinionRequestView referred(Actor referrer, String patientEmail, Actor patient, DraftContent content) {
		OpinionRequestView draft = intake.createDraft(referrer, patientEmail, UUID.randomUUID(), content);
		String code = invitations.of(referrer, draft.id()).orElseThrow().code();
		return invitations.accept(patient, code);
	}

	/** A new draft case of the patient: a reason, one question, routine urgency, consent to share; no records and no patient details (like a case from before intake asked for them, so that any import is compared with the first). */
	public UUID draft(Actor patient) {
		return draft(patient, PatientDetails.none());
	}

	/** A submitted case of the patient, about a made-up person (submitting needs the patient's details). */
	public org.consilium.shared.CaseId submitted(Actor patient) {
		org.consilium.shared.CaseId id = new org.consilium.shared.CaseId(draft(patient,
				new PatientDetails("Tester", "Pat", java.time.LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE)));
		intake.submit(patient, id);
		return id;
	}

	/** A new draft case like {@link #draft(Actor)}, about the given patient. */
	public UUID draft(Actor patient, PatientDetails about) {
		return intake.createDraft(patient, null, UUID.randomUUID(),
				new DraftContent("r", "d", null, "", "", "", "", null, "", List.of("q?"), Urgency.ROUTINE, true,
						about)).id().value();
	}
}
