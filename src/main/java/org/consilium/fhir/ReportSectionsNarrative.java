package org.consilium.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import org.consilium.intake.OpinionRequestView;
import org.consilium.opinion.DeliveredOpinionView;
import org.consilium.review.ReportSections;
import org.consilium.review.WrittenOpinionView;

/**
 * Adds the Composition's sections, one per section of the written report and in its order, each with a generated
 * XHTML narrative (constraint cmp-1 needs text even when empty); an empty section says "Nothing recorded." and carries
 * {@code emptyReason} {@code nilknown} (http://terminology.hl7.org/CodeSystem/list-empty-reason). Resources a section
 * points at are added to the Bundle.
 */
class ReportSectionsNarrative {

	static final String EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason";

	private final Composition composition;

	private final Bundle bundle;

	private final Patient patient;

	private final Date signed;

	ReportSectionsNarrative(Composition composition, Bundle bundle, Patient patient, Date signed) {
		this.composition = composition;
		this.bundle = bundle;
		this.patient = patient;
		this.signed = signed;
	}

	void fill(OpinionRequestView c, WrittenOpinionView o, List<DeliveredOpinionView.QuestionAndAnswer> qas) {
		ReportSections r = o.report();
		text("In plain language", o.plainSummary());
		entries("Concordance with the first diagnosis", o.concordance() == null ? "" : o.concordance().label() + ": " + o.concordance().meaning(),
				o.concordance() == null ? List.of() : List.of(observation("concordance", "Concordance with the first diagnosis",
						OpinionCodes.code(o.concordance()), o.concordance().label())));
		entries("Diagnoses", String.join("; ", o.diagnoses().stream().map(d -> d.text() + (d.code() == null ? "" : " (" + d.system().label() + " " + d.code() + ")")).toList()),
				o.diagnoses().stream().map(d -> (Resource) OpinionDocumentBundles.condition(d, patient)).toList());
		entries("Review of the proposed treatment", o.treatmentReview() == null ? "" : o.treatmentReview().label() + ". " + o.treatmentComment(),
				o.treatmentReview() == null ? List.of() : List.of(observation("treatment-review", "Review of the proposed treatment",
						OpinionCodes.code(o.treatmentReview()), o.treatmentReview().label())));
		text("Treatment options", String.join("\n", o.options().stream().map(t -> t.name() + " (" + t.invasiveness().label() + "): benefit "
				+ t.expectedBenefit() + "; risks " + t.risks() + "; evidence " + t.evidence()).toList()));
		text("Further work-up", o.furtherWorkUp());
		text("Limitations", o.limitations());
		text("Materials reviewed", String.join("\n", r.materials().stream().map(m -> m.description() + (m.date() == null ? "" : " (" + m.date() + ")")).toList()));
		text("Re-read of imaging and pathology", String.join("\n", r.rereads().stream().map(x -> x.kind().label() + ", " + x.item() + ": "
				+ x.reading() + (Boolean.TRUE.equals(x.differsFromOriginal()) ? " Differs from the original report." : " Agrees with the original report.")).toList()));
		text("Clinical trials and research options", (r.researchOptions() + (r.trialIds().isEmpty() ? "" : "\nClinicalTrials.gov: " + String.join(", ", r.trialIds()))).strip());
		text("To discuss with the treating physician", r.discussionPoints());
		text("Next steps", (r.nextSteps() + (r.inPersonVisit() == null ? "" : r.inPersonVisit() ? "\nAn in-person visit is recommended, with: "
				+ r.inPersonVisitWith() + "." : "\nNo in-person visit is needed.")).strip());
		text("The patient's questions, answered", String.join("\n", qas.stream().map(q -> q.number() + ". \u201C" + q.question() + "\u201D " + q.answer()).toList()));
		text("Reviewing specialist", String.join("\n", List.of(c.specialistName() == null ? "" : c.specialistName(), r.reviewerSpecialty(),
				r.reviewerInstitution(), r.reviewerLicence().isEmpty() ? "" : "Licence: " + r.reviewerLicence())).strip());
	}

	void text(String title, String text) {
		entries(title, text, List.of());
	}

	void entries(String title, String text, List<? extends Resource> resources) {
		Composition.SectionComponent section = composition.addSection().setTitle(title);
		boolean empty = (text == null || text.isBlank()) && resources.isEmpty();
		section.setText(narrative(empty ? "Nothing recorded." : text));
		if (empty) {
			section.setEmptyReason(new CodeableConcept(new Coding(EMPTY_REASON, "nilknown", "Nil Known")));
		}
		for (Resource r : resources) {
			section.addEntry(OpinionDocumentBundles.ref(r));
			bundle.addEntry().setFullUrl(OpinionDocumentBundles.url(r)).setResource(r);
		}
	}

	private Observation observation(String code, String display, String value, String valueDisplay) {
		Observation obs = new Observation().setStatus(Observation.ObservationStatus.FINAL)
			.setCode(new CodeableConcept(new Coding(OpinionCodes.SYSTEM, code, display)))
			.setSubject(OpinionDocumentBundles.ref(patient))
			.setValue(new CodeableConcept(new Coding(OpinionCodes.SYSTEM, value, valueDisplay)));
		obs.setEffective(new org.hl7.fhir.r4.model.DateTimeType(signed));
		obs.setId(java.util.UUID.randomUUID().toString());
		return obs;
	}

	static Narrative narrative(String text) {
		List<String> paragraphs = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isBlank()) {
				paragraphs.add("<p>" + escape(line.strip()) + "</p>");
			}
		}
		Narrative n = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
		n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + String.join("", paragraphs) + "</div>");
		return n;
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
