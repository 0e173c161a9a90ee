package org.consilium.intake;

import java.time.LocalDate;
import java.util.List;

import org.consilium.shared.CodeSystem;

/**
 * What the patient (or referring physician) writes in a draft; every field may still be blank while drafting.
 * {@link OpinionRequest#submit} checks completeness. The first opinion's diagnosis code carries its system. {@code patient}
 * is who the case is about (null: none recorded), the patient's details even when a referring physician writes.
 */
public record DraftContent(String reason, String firstDiagnosisText, CodeSystem firstDiagnosisSystem, String firstDiagnosisCode,
		String proposedTreatment, String firstPhysician, String firstInstitution, LocalDate firstOpinionDate,
		String symptomsAndHistory, List<String> questions, Urgency urgency, boolean consentToShare, PatientDetails patient) {

	/** At most this many questions for the specialist. */
	public static final int MAX_QUESTIONS = 10;

	/** Longest free text accepted in one field, in characters. */
	public static final int MAX_TEXT = 20_000;

	public static DraftContent empty() {
		return new DraftContent("", "", null, "", "", "", "", null, "", List.of(), Urgency.ROUTINE, false, PatientDetails.none());
	}
}
