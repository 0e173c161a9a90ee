package org.consilium.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientDetails;
import org.consilium.opinion.Addendum;
import org.consilium.opinion.DeliveredOpinionView;
import org.consilium.opinion.OpinionDocuments;
import org.consilium.opinion.OpinionManagement;
import org.consilium.review.Diagnosis;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;

/**
 * The signed opinion as a FHIR R4 {@code document} Bundle (https://hl7.org/fhir/R4/documents.html): a
 * {@link Composition} of type LOINC {@value OpinionCodes#LOINC_CONSULT_NOTE} "Consult note" with one section per report
 * section (each present; an empty one says so and carries {@code emptyReason} {@code nilknown}), the {@link Patient},
 * the reviewing {@link Practitioner}, their {@link PractitionerRole} and {@link Organization}, a {@link Condition} per
 * diagnosis, the concordance and treatment review as {@link Observation}s coded with {@value OpinionCodes#SYSTEM}, and
 * the addenda of the version (section "Addenda"), and the PDF as a {@link DocumentReference} pointing at a
 * {@link Binary}. Every entry has a {@code urn:uuid} full URL.
 */
@Service
@Transactional
public class OpinionDocumentBundles {

	private final OpinionDocuments documents;

	private final OpinionManagement opinions;

	private final AuditLog audit;

	private final FhirContext fhir = FhirContext.forR4Cached();

	OpinionDocumentBundles(OpinionDocuments documents, OpinionManagement opinions, AuditLog audit) {
		this.documents = documents;
		this.opinions = opinions;
		this.audit = audit;
	}

	/**
	 * The current signed version as a document Bundle in FHIR JSON; audited as {@code opinion.fhir-document} (and its PDF
	 * as a download).
	 * @throws NotFoundException (404, audited as DENIED) when the actor has no relation to the case
	 * @throws org.consilium.opinion.OpinionNotSignedException (409) while the opinion is unsigned or not yet released
	 */
	public String documentJson(Actor actor, CaseId caseId) {
		return documentJson(actor, caseId, null);
	}

	/**
	 * Signed version {@code version} (null = the current one) as a document Bundle in FHIR JSON. Version n of 2 or more
	 * holds the addenda up to it in the section "Addenda" and {@code Composition.relatesTo} {@code replaces} the
	 * identifier of version n-1's Bundle (each version's Bundle identifier is the urn:uuid of the written opinion for
	 * version 1, of its latest addendum after that).
	 * @throws NotFoundException (404) as {@link #documentJson(Actor, CaseId)}, and for a version that does not exist
	 */
	public String documentJson(Actor actor, CaseId caseId, Integer version) {
		OpinionDocuments.SignedDocument document = documents.document(actor, caseId, version);
		DeliveredOpinionView v = opinions.read(actor, caseId, document.version());
		Bundle bundle = bundle(v.request(), document, v.questionsAndAnswers());
		audit.success(actor, AuditAction.OPINION_FHIR_DOCUMENT, caseId, "WrittenOpinion", v.opinion().id());
		return fhir.newJsonParser().encodeResourceToString(bundle);
	}

	/** The identifier of a version's Bundle: the urn:uuid of the written opinion (version 1) or of its latest addendum. */
	static String identifier(WrittenOpinionView o, List<Addendum> addenda, int version) {
		return "urn:uuid:" + (version <= 1 ? o.id() : addenda.get(version - 2).id());
	}

	static Bundle bundle(OpinionRequestView c, OpinionDocuments.SignedDocument document, List<DeliveredOpinionView.QuestionAndAnswer> qas) {
		WrittenOpinionView o = document.opinion();
		byte[] pdf = document.pdf();
		Date signed = Date.from(document.signedAt());
		Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(signed);
		bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(identifier(o, document.addenda(), document.version())));

		Composition composition = new Composition();
		Patient patient = patient(c.patient());
		Organization organization = new Organization().setName(o.report().reviewerInstitution());
		Practitioner practitioner = new Practitioner();
		practitioner.addName().setText(c.specialistName());
		practitioner.addQualification().setCode(new CodeableConcept().setText(o.report().reviewerSpecialty()))
			.addIdentifier(new Identifier().setValue(o.report().reviewerLicence()));
		PractitionerRole role = new PractitionerRole();
		Binary binary = new Binary().setContentType("application/pdf").setData(pdf);
		List<Resource> all = List.of(composition, patient, organization, practitioner, role, binary);
		all.forEach(r -> r.setId(UUID.randomUUID().toString()));
		role.setPractitioner(ref(practitioner)).setOrganization(ref(organization))
			.addSpecialty(new CodeableConcept().setText(o.report().reviewerSpecialty()));

		composition.setStatus(Composition.CompositionStatus.FINAL)
			.setType(new CodeableConcept(new Coding(OpinionCodes.LOINC, OpinionCodes.LOINC_CONSULT_NOTE, "Consult note")))
			.setSubject(ref(patient)).setDate(signed).setTitle("Second medical opinion, version " + document.version())
			.setCustodian(ref(organization));
		if (document.version() > 1) {
			composition.addRelatesTo().setCode(Composition.DocumentRelationshipType.REPLACES).setTarget(new Identifier()
				.setSystem("urn:ietf:rfc:3986").setValue(identifier(o, document.addenda(), document.version() - 1)));
		}
		composition.addAuthor(ref(role));
		composition.addAttester().setMode(Composition.CompositionAttestationMode.LEGAL).setTime(signed).setParty(ref(practitioner));

		bundle.addEntry().setFullUrl(url(composition)).setResource(composition);
		for (Resource r : List.of(patient, organization, practitioner, role)) {
			bundle.addEntry().setFullUrl(url(r)).setResource(r);
		}
		ReportSectionsNarrative sections = new ReportSectionsNarrative(composition, bundle, patient, signed);
		sections.fill(c, o, qas);
		sections.text("Addenda", String.join("\n", document.addenda().stream().map(a -> "Version " + a.version() + " ("
				+ a.writtenAt().toString().substring(0, 10) + "): " + a.text() + " Reason: " + a.reason()).toList()));
		DocumentReference pdfReference = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
			.setType(composition.getType()).setSubject(ref(patient)).setDate(signed);
		pdfReference.setId(UUID.randomUUID().toString());
		pdfReference.addAuthor(ref(role));
		pdfReference.addContent().getAttachment().setContentType("application/pdf").setUrl(url(binary)).setTitle("Second opinion (PDF)");
		sections.entries("The opinion as PDF", "The signed opinion as PDF/A, as the patient and physicians read it.", List.of(pdfReference));
		bundle.addEntry().setFullUrl(url(binary)).setResource(binary);
		return bundle;
	}

	static Patient patient(PatientDetails p) {
		Patient patient = new Patient();
		if (p != null) {
			var name = patient.addName();
			if (p.familyName() != null) {
				name.setFamily(p.familyName());
			}
			if (p.givenNames() != null) {
				for (String given : p.givenNames().split(" ")) {
					name.addGiven(given);
				}
			}
			if (p.birthDate() != null) {
				patient.setBirthDate(java.sql.Date.valueOf(p.birthDate()));
			}
			if (p.sex() != null) {
				patient.setGender(Enumerations.AdministrativeGender.fromCode(p.sex().code()));
			}
		}
		return patient;
	}

	static Condition condition(Diagnosis d, Patient patient) {
		CodeableConcept code = new CodeableConcept().setText(d.text());
		if (d.code() != null) {
			code.addCoding(new Coding(d.system().uri(), d.code(), d.text()));
		}
		Condition condition = new Condition().setCode(code).setSubject(ref(patient));
		condition.setId(UUID.randomUUID().toString());
		return condition;
	}

	static Reference ref(Resource r) {
		return new Reference(url(r));
	}

	static String url(Resource r) {
		return "urn:uuid:" + r.getIdElement().getIdPart();
	}
}
