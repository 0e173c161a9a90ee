package org.consilium.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.TestAccounts;
import org.consilium.identity.UserView;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.PatientDetails;
import org.consilium.intake.Urgency;
import org.consilium.review.CompleteReport;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReportSections;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/** The signed opinion as a FHIR R4 document Bundle validates against base R4 (plus our shipped CodeSystem) with no error. */
@ConsiliumIntegrationTest
class OpinionDocumentBundleTests {

	static final FhirContext FHIR = FhirContext.forR4Cached();

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Autowired
	OpinionDocumentBundles bundles;

	@Autowired
	MockMvc mvc;

	Actor seed(Role role, String specialty) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
		UserView user = identity.seedAccount(email, role.label(), role, specialty).account();
		return new Actor(user.id(), role, user.displayName());
	}

	static FhirValidator validator() throws Exception {
		PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(FHIR);
		String json = new String(OpinionDocumentBundleTests.class.getResourceAsStream("/fhir/CodeSystem-consilium-opinion.json").readAllBytes(),
				StandardCharsets.UTF_8);
		ours.addCodeSystem(FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.CodeSystem.class, json));
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), ours,
				new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
				new SnapshotGeneratingValidationSupport(FHIR));
		FhirValidator validator = FHIR.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
		return validator;
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "greek, Παπαδοπούλου, Ελένη, true", "arabic, الخطيب, فاطمة, false", "japanese, 山田, 花子, true" })
	void theSignedOpinionIsADocumentBundleWithEverySectionAndNoValidationError(String script, String family, String given, boolean full)
			throws Exception {
		Actor patient = seed(Role.PATIENT, null);
		Actor coordinator = seed(Role.COORDINATOR, null);
		Actor specialist = seed(Role.SPECIALIST, "207RX0202X");
		CaseId id = intake.createDraft(patient, null, UUID.randomUUID(), new DraftContent("Is surgery needed?", "Breast cancer",
				CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr First", "City Hospital", null, "Lump since March",
				List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true,
				new PatientDetails(family, given, LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE))).id();
		intake.submit(patient, id);
		caseTriage.startTriage(coordinator, id);
		caseTriage.assign(coordinator, id, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Probably DCIS", null);
		ReportSections c = CompleteReport.sections();
		ReportSections report = full ? c : new ReportSections(c.materials(), List.of(), "", List.of(), c.discussionPoints(), c.nextSteps(),
				false, "", c.reviewerSpecialty(), c.reviewerInstitution(), c.reviewerLicence());
		review.saveAndSign(specialist, id, null, UUID.randomUUID(), new OpinionContent(Concordance.REFINED,
				List.of(new Diagnosis("Ductal carcinoma in situ", CodeSystem.ICD_10_CM, "D05.12"), new Diagnosis("Fibrocystic change", null, null)),
				TreatmentReview.MODIFY, "Lumpectomy with radiotherapy", List.of(), "", List.of("No."), "", "A smaller operation is enough.", report));

		String json = bundles.documentJson(patient, id);

		Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
		Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
		assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("11488-4");
		assertThat(composition.getSection()).extracting(Composition.SectionComponent::getTitle).containsExactly("In plain language",
				"Concordance with the first diagnosis", "Diagnoses", "Review of the proposed treatment", "Treatment options", "Further work-up",
				"Limitations", "Materials reviewed", "Re-read of imaging and pathology", "Clinical trials and research options",
				"To discuss with the treating physician", "Next steps", "The patient's questions, answered", "Reviewing specialist",
				"Addenda", "The opinion as PDF");
		assertThat(composition.getSection()).filteredOn(s -> s.getTitle().equals("Treatment options")).singleElement()
			.satisfies(s -> assertThat(s.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown"));
		assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "Practitioner", "PractitionerRole",
				"Organization", "Condition", "Observation", "DocumentReference", "Binary");
		assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Patient).singleElement()
			.satisfies(e -> assertThat(((Patient) e.getResource()).getNameFirstRep().getFamily()).isEqualTo(family));

		List<SingleValidationMessage> errors = validator().validateWithResult(json).getMessages().stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
		assertThat(errors).as("validation errors of the %s document", script)
			.extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
	}

	@Autowired
	org.consilium.opinion.SignedCases cases;

	@Autowired
	org.consilium.opinion.OpinionManagement opinions;

	@Test
	void anAddendumMakesVersionTwoOfTheDocumentWhichReplacesVersionOneAndValidates() throws Exception {
		var c = cases.caseAbout(new PatientDetails("山田", "花子", LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE), true);
		Bundle first = FHIR.newJsonParser().parseResource(Bundle.class, bundles.documentJson(c.patient(), c.id()));
		opinions.addAddendum(c.specialist(), c.id(), "Radiotherapy may be left out after seventy.", "A new randomised trial.");

		String json = bundles.documentJson(c.patient(), c.id());

		Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
		Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
		assertThat(composition.getTitle()).isEqualTo("Second medical opinion, version 2");
		assertThat(bundle.getIdentifier().getValue()).isNotEqualTo(first.getIdentifier().getValue());
		assertThat(composition.getRelatesToFirstRep().getCode()).isEqualTo(Composition.DocumentRelationshipType.REPLACES);
		assertThat(composition.getRelatesToFirstRep().getTargetIdentifier().getValue()).isEqualTo(first.getIdentifier().getValue());
		assertThat(composition.getSection()).filteredOn(s -> s.getTitle().equals("Addenda")).singleElement()
			.satisfies(s -> assertThat(s.getText().getDivAsString()).contains("Version 2", "Radiotherapy may be left out after seventy.",
					"Reason: A new randomised trial."));
		Bundle old = FHIR.newJsonParser().parseResource(Bundle.class, bundles.documentJson(c.patient(), c.id(), 1));
		assertThat(old.getIdentifier().getValue()).isEqualTo(first.getIdentifier().getValue());
		assertThat(((Composition) old.getEntryFirstRep().getResource()).getSection()).filteredOn(s -> s.getTitle().equals("Addenda"))
			.singleElement().satisfies(s -> assertThat(s.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown"));

		List<SingleValidationMessage> errors = validator().validateWithResult(json).getMessages().stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
		assertThat(errors).extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
	}

	@Test
	void anUnsignedOpinionHasNoDocumentAndTheApiSaysSoAsAProblem() throws Exception {
		Actor patient = seed(Role.PATIENT, null);
		CaseId id = intake.createDraft(patient, null, UUID.randomUUID(), org.consilium.intake.TestDrafts.content("Is surgery needed?",
				"Breast cancer", null, "", "Mastectomy", "", "", null, "", List.of(), Urgency.ROUTINE, true)).id();

		var response = mvc.perform(get("/api/cases/{id}/opinion/fhir-document", id.value())
				.with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isConflict()).andReturn().getResponse();

		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("opinion-not-signed").contains("not signed yet");
	}
}
