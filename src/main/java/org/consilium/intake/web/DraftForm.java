package org.consilium.intake.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.DraftContent;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientDetails;
import org.consilium.intake.Urgency;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;

/** The request form's fields, bound from the page; turned into a {@link DraftContent} command. */
public class DraftForm {

	private UUID requestToken;
	private UUID editSession = UUID.randomUUID();
	private Integer expectedVersion;
	private String patientEmail = "";
	private String reason = "";
	private String firstDiagnosisText = "";
	private CodeSystem firstDiagnosisSystem;
	private String firstDiagnosisCode = "";
	private String proposedTreatment = "";
	private String firstPhysician = "";
	private String firstInstitution = "";
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate firstOpinionDate;
	private String symptomsAndHistory = "";
	private List<String> questions = new ArrayList<>();
	private Urgency urgency = Urgency.ROUTINE;
	private boolean consentToShare;
	private String patientFamilyName = "";
	private String patientGivenNames = "";
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate patientBirthDate;
	private String patientSex = "";

	static DraftForm of(OpinionRequestView v) {
		DraftForm f = new DraftForm();
		f.expectedVersion = v.version();
		f.reason = v.reason();
		f.firstDiagnosisText = v.firstDiagnosisText();
		f.firstDiagnosisSystem = v.firstDiagnosisSystem();
		f.firstDiagnosisCode = v.firstDiagnosisCode();
		f.proposedTreatment = v.proposedTreatment();
		f.firstPhysician = v.firstPhysician();
		f.firstInstitution = v.firstInstitution();
		f.firstOpinionDate = v.firstOpinionDate();
		f.symptomsAndHistory = v.symptomsAndHistory();
		f.questions = new ArrayList<>(v.questions());
		f.urgency = v.urgency();
		f.consentToShare = v.consentToShare();
		PatientDetails p = v.patient() == null ? PatientDetails.none() : v.patient();
		f.patientFamilyName = p.familyName() == null ? "" : p.familyName();
		f.patientGivenNames = p.givenNames() == null ? "" : p.givenNames();
		f.patientBirthDate = p.birthDate();
		f.patientSex = p.sex() == null ? "" : p.sex().code();
		return f;
	}

	DraftContent content() {
		return new DraftContent(reason, firstDiagnosisText, firstDiagnosisSystem, firstDiagnosisCode, proposedTreatment, firstPhysician,
				firstInstitution, firstOpinionDate, symptomsAndHistory, questions, urgency, consentToShare,
				new PatientDetails(patientFamilyName, patientGivenNames, patientBirthDate, sex()));
	}

	private AdministrativeSex sex() {
		if (patientSex == null || patientSex.isBlank()) {
			return null;
		}
		return AdministrativeSex.ofCode(patientSex)
			.orElseThrow(() -> new InvalidInputException("Choose the patient's sex: male, female, other or unknown."));
	}

	/** Pads the questions to the form's ten slots. */
	DraftForm padded() {
		while (questions.size() < DraftContent.MAX_QUESTIONS) {
			questions.add("");
		}
		return this;
	}

	public String getPatientFamilyName() { return patientFamilyName; }
	public void setPatientFamilyName(String v) { patientFamilyName = v; }
	public String getPatientGivenNames() { return patientGivenNames; }
	public void setPatientGivenNames(String v) { patientGivenNames = v; }
	public LocalDate getPatientBirthDate() { return patientBirthDate; }
	public void setPatientBirthDate(LocalDate v) { patientBirthDate = v; }
	public String getPatientSex() { return patientSex; }
	public void setPatientSex(String v) { patientSex = v; }
	public UUID getEditSession() { return editSession; }
	public void setEditSession(UUID v) { editSession = v; }
	public UUID getRequestToken() { return requestToken; }
	public void setRequestToken(UUID v) { requestToken = v; }
	public Integer getExpectedVersion() { return expectedVersion; }
	public void setExpectedVersion(Integer v) { expectedVersion = v; }
	public String getPatientEmail() { return patientEmail; }
	public void setPatientEmail(String v) { patientEmail = v; }
	public String getReason() { return reason; }
	public void setReason(String v) { reason = v; }
	public String getFirstDiagnosisText() { return firstDiagnosisText; }
	public void setFirstDiagnosisText(String v) { firstDiagnosisText = v; }
	public CodeSystem getFirstDiagnosisSystem() { return firstDiagnosisSystem; }
	public void setFirstDiagnosisSystem(CodeSystem v) { firstDiagnosisSystem = v; }
	public String getFirstDiagnosisCode() { return firstDiagnosisCode; }
	public void setFirstDiagnosisCode(String v) { firstDiagnosisCode = v; }
	public String getProposedTreatment() { return proposedTreatment; }
	public void setProposedTreatment(String v) { proposedTreatment = v; }
	public String getFirstPhysician() { return firstPhysician; }
	public void setFirstPhysician(String v) { firstPhysician = v; }
	public String getFirstInstitution() { return firstInstitution; }
	public void setFirstInstitution(String v) { firstInstitution = v; }
	public LocalDate getFirstOpinionDate() { return firstOpinionDate; }
	public void setFirstOpinionDate(LocalDate v) { firstOpinionDate = v; }
	public String getSymptomsAndHistory() { return symptomsAndHistory; }
	public void setSymptomsAndHistory(String v) { symptomsAndHistory = v; }
	public List<String> getQuestions() { return questions; }
	public void setQuestions(List<String> v) { questions = v == null ? new ArrayList<>() : new ArrayList<>(v); }
	public Urgency getUrgency() { return urgency; }
	public void setUrgency(Urgency v) { urgency = v; }
	public boolean isConsentToShare() { return consentToShare; }
	public void setConsentToShare(boolean v) { consentToShare = v; }
}
