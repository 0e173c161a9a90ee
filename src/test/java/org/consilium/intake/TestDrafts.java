package org.consilium.intake;

import java.time.LocalDate;
import java.util.List;

import org.consilium.shared.CodeSystem;

/** Draft content for tests, with the details of one default patient so that a draft can be submitted. */
public final class TestDrafts {

	/** The patient of tests that do not care who it is. */
	public static final PatientDetails PATIENT = new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE);

	private TestDrafts() {
	}

	/** {@link DraftContent} with the given fields and the default {@link #PATIENT}. */
	public static DraftContent content(String reason, String firstDiagnosisText, CodeSystem firstDiagnosisSystem, String firstDiagnosisCode,
			String proposedTreatment, String firstPhysician, String firstInstitution, LocalDate firstOpinionDate, String symptomsAndHistory,
			List<String> questions, Urgency urgency, boolean consentToShare) {
		return new DraftContent(reason, firstDiagnosisText, firstDiagnosisSystem, firstDiagnosisCode, proposedTreatment, firstPhysician,
				firstInstitution, firstOpinionDate, symptomsAndHistory, questions, urgency, consentToShare, PATIENT);
	}
}
