package org.consilium.records;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code wrong-patient}, HTTP 409: the Patient of an uploaded Bundle is not the case's patient (another
 * name, birth date or sex than the patient's details recorded at intake or, on a case from before intake asked for
 * them, than the Patient of the case's earliest import), or the case has neither, so that nobody has yet said who its
 * records are about ({@code onFile} null). Nothing was stored. The uploader may repeat the
 * import with the mismatch confirmed (API: {@code confirmPatientMismatch=true}); the confirmation is audited. The
 * message names both people: it goes only to someone with access to the case, never to a log.
 */
class WrongPatientException extends ConsiliumProblem {

	private static final long serialVersionUID = 1L;

	private final transient PatientDemographics onFile;

	private final transient PatientDemographics inBundle;

	WrongPatientException(PatientDemographics onFile, PatientDemographics inBundle) {
		super("wrong-patient", HttpStatus.CONFLICT, onFile == null
				? "This bundle is about " + describe(inBundle) + ", and this case has no patient details recorded yet. Check that this is"
						+ " the patient of the case; if it is, confirm it, and these details become the case's"
						+ " (API: repeat the request with confirmPatientMismatch=true)."
				: "This bundle is about " + describe(inBundle) + ", but this case is about "
						+ describe(onFile) + ". Check that you chose the right file. To import it anyway, confirm that it belongs to this case"
						+ " (API: repeat the request with confirmPatientMismatch=true).");
		this.onFile = onFile;
		this.inBundle = inBundle;
	}

	/** The patient the case is about; null when the case has no patient details and no earlier import names one. */
	public PatientDemographics onFile() {
		return onFile;
	}

	/** The patient of the uploaded Bundle. */
	public PatientDemographics inBundle() {
		return inBundle;
	}

	private static String describe(PatientDemographics p) {
		return p.displayName() + (p.birthDate() == null ? " (birth date not given)" : ", born " + p.birthDate())
				+ (p.sex() == null ? "" : ", " + p.sex());
	}
}
