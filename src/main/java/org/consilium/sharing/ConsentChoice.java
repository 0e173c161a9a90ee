package org.consilium.sharing;

/**
 * A sharing choice of a case, with the FHIR Consent codes it is recorded with (https://hl7.org/fhir/R4/consent.html):
 * {@code scope} from http://terminology.hl7.org/CodeSystem/consentscope, {@code provision.purpose} from
 * http://terminology.hl7.org/CodeSystem/v3-ActReason. Every choice's {@code category} is LOINC 59284-0 "Patient
 * Consent" and its {@code provision.actor.role} IRCP (information recipient,
 * http://terminology.hl7.org/CodeSystem/v3-ParticipationType).
 */
public enum ConsentChoice {
	/** The records to the assigned reviewers: required to submit; revoking it during review withdraws the case. */
	REVIEWERS("patient-privacy", "TREAT", "Your records, to the specialists who review your case"),
	/** The opinion and the chosen documents to the treating physician. */
	TREATING_PHYSICIAN("patient-privacy", "TREAT", "The opinion and the documents you chose, to your treating physician"),
	/** The same to the referring physician. */
	REFERRING_PHYSICIAN("patient-privacy", "TREAT", "The opinion and the documents you chose, to your referring physician"),
	/** De-identified data for research. */
	RESEARCH("research", "HRESCH", "Your data without your name or other identifying details, for research");

	/** LOINC 59284-0, Patient Consent. */
	public static final String CATEGORY = "59284-0";

	/** v3-ParticipationType IRCP, information recipient. */
	public static final String ACTOR_ROLE = "IRCP";

	private final String scope;

	private final String purpose;

	private final String wording;

	ConsentChoice(String scope, String purpose, String wording) {
		this.scope = scope;
		this.purpose = purpose;
		this.wording = wording;
	}

	public String scope() {
		return scope;
	}

	public String purpose() {
		return purpose;
	}

	/** What the patient reads. */
	public String wording() {
		return wording;
	}
}
