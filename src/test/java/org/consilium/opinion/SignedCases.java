package org.consilium.opinion;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.PatientDetails;
import org.consilium.intake.Urgency;
import org.consilium.review.CompleteReport;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/** Real cases for the opinion's tests, through the facades: drafted, submitted, triaged, reviewed and (optionally) signed. */
@Component
public class SignedCases {

	public static final String SUMMARY = "The cancer was found early. A smaller operation is enough for you.";

	public static final PatientDetails PAT = new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE);

	/** A case with its patient, specialist and coordinator. */
	public record SignedCase(CaseId id, Actor patient, Actor specialist, Actor coordinator) {
	}

	private final IdentityManagement identity;

	private final IntakeManagement intake;

	private final CaseTriage triage;

	private final ReviewManagement review;

	public SignedCases(IdentityManagement identity, IntakeManagement intake, CaseTriage triage, ReviewManagement review) {
		this.identity = identity;
		this.intake = intake;
		this.triage = triage;
		this.review = review;
	}

	public UserView seedUser(Role role, String specialty) {
		String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.org";
		return identity.seedAccount(email, role.label(), role, specialty).account();
	}

	public Actor seed(Role role, String specialty) {
		return actor(seedUser(role, specialty));
	}

	public static Actor actor(UserView user) {
		return new Actor(user.id(), user.role(), user.displayName());
	}

	/** The draft content of a breast-cancer case about {@code who}, with one question and the consent to share. */
	public static DraftContent draft(PatientDetails who) {
		return new DraftContent("Is surgery needed?", "Breast cancer", CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr First",
				"City Hospital", null, "Lump since March", List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true, who);
	}

	/** A complete opinion with every section of the report. */
	public static OpinionContent opinion() {
		return new OpinionContent(Concordance.REFINED, List.of(new Diagnosis("Ductal carcinoma in situ", CodeSystem.ICD_10_CM, "D05.12")),
				TreatmentReview.MODIFY, "Lumpectomy with radiotherapy instead of mastectomy",
				List.of(new TreatmentOption("Lumpectomy", Invasiveness.INVASIVE, "Breast kept", "Re-excision", "NSABP B-17")),
				"Genetic counselling", List.of("No, a smaller operation is enough."), "Based on the records supplied.", SUMMARY,
				CompleteReport.sections());
	}

	/** A case of a new patient about {@code who}, reviewed and, when {@code sign}, signed (and so delivered). */
	public SignedCase caseAbout(PatientDetails who, boolean sign) {
		Actor patient = seed(Role.PATIENT, null);
		CaseId id = intake.createDraft(patient, null, UUID.randomUUID(), draft(who)).id();
		return review(id, patient, patient, sign);
	}

	/** Submits the draft (by {@code submitter}), triages, assigns a new specialist, who reviews and, when {@code sign}, signs. */
	public SignedCase review(CaseId id, Actor patient, Actor submitter, boolean sign) {
		Actor coordinator = seed(Role.COORDINATOR, null);
		Actor specialist = seed(Role.SPECIALIST, "207RX0202X");
		intake.submit(submitter, id);
		triage.startTriage(coordinator, id);
		triage.assign(coordinator, id, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Probably DCIS", null);
		if (sign) {
			review.saveAndSign(specialist, id, null, UUID.randomUUID(), opinion());
		}
		else {
			review.saveDraft(specialist, id, null, opinion());
		}
		return new SignedCase(id, patient, specialist, coordinator);
	}
}
