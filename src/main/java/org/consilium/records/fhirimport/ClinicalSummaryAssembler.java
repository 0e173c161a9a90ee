package org.consilium.records.fhirimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SampledData;
import org.hl7.fhir.r4.model.Type;

import org.consilium.records.ClinicalSummary;
import org.consilium.records.Measurement;
import org.consilium.records.PatientDemographics;
import org.consilium.records.SummaryCategory;
import org.consilium.records.SummaryEntry;

/**
 * Turns an already validated FHIR R4 Bundle into a {@link ClinicalSummary} and {@link PatientDemographics}.
 * Stateless: one instance per Bundle.
 */
final class ClinicalSummaryAssembler {

	private final Bundle bundle;

	private final Map<String, Resource> byFullUrl = new HashMap<>();

	private final Map<String, Resource> byTypeAndId = new HashMap<>();

	ClinicalSummaryAssembler(Bundle bundle) {
		this.bundle = bundle;
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null) {
				continue;
			}
			if (entry.hasFullUrl()) {
				byFullUrl.put(entry.getFullUrl(), resource);
			}
			if (resource.getIdElement().hasIdPart()) {
				byTypeAndId.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
			}
		}
	}

	ClinicalSummary summary() {
		List<SummaryEntry> conditions = new ArrayList<>();
		List<SummaryEntry> medications = new ArrayList<>();
		List<SummaryEntry> allergies = new ArrayList<>();
		List<SummaryEntry> procedures = new ArrayList<>();
		List<SummaryEntry> observations = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			String source = sourceOf(entry);
			if (resource instanceof Condition condition) {
				String date = firstDate(condition.getOnset(), condition.getRecordedDateElement());
				conditions.add(entry(SummaryCategory.CONDITION, condition.getCode(), date, null,
						firstCode(condition.getClinicalStatus()), source));
			}
			else if (resource instanceof MedicationRequest request) {
				medications.add(entry(SummaryCategory.MEDICATION, medication(request.getMedication(), request),
						firstDate(request.getAuthoredOnElement()), null, codeOf(request.getStatusElement()), source));
			}
			else if (resource instanceof MedicationStatement statement) {
				medications.add(entry(SummaryCategory.MEDICATION, medication(statement.getMedication(), statement),
						firstDate(statement.getEffective(), statement.getDateAssertedElement()), null,
						codeOf(statement.getStatusElement()), source));
			}
			else if (resource instanceof AllergyIntolerance allergy) {
				allergies.add(entry(SummaryCategory.ALLERGY, allergy.getCode(),
						firstDate(allergy.getOnset(), allergy.getRecordedDateElement()), null,
						firstCode(allergy.getClinicalStatus()), source));
			}
			else if (resource instanceof Procedure procedure) {
				procedures.add(entry(SummaryCategory.PROCEDURE, procedure.getCode(),
						firstDate(procedure.getPerformed()), null, codeOf(procedure.getStatusElement()), source));
			}
			else if (resource instanceof Observation observation) {
				SummaryEntry row = entry(SummaryCategory.OBSERVATION, observation.getCode(), observationDate(observation),
						observationValue(observation), codeOf(observation.getStatusElement()), source);
				observations.add(new SummaryEntry(row.category(), row.system(), row.code(), row.display(), row.date(), row.value(),
						row.status(), row.sourceEntry(), kindOf(observation), measurements(observation), null, null));
			}
		}
		return new ClinicalSummary(conditions, medications, allergies, procedures, observations);
	}

	PatientDemographics patient() {
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getResource() instanceof Patient patient) {
				HumanName name = patient.getName().stream()
					.filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
					.findFirst()
					.orElse(patient.getNameFirstRep());
				String given = name.getGiven().stream().map(PrimitiveType::getValue).collect(Collectors.joining(" "));
				LocalDate birthDate = null;
				if (patient.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY
						&& patient.hasBirthDate()) {
					birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
				}
				return new PatientDemographics(name.getFamily(), given.isEmpty() ? null : given, birthDate,
						patient.hasGender() ? patient.getGender().toCode() : null);
			}
		}
		return null;
	}

	private static SummaryEntry entry(SummaryCategory category, CodeableConcept concept, String date, String value,
			String status, String source) {
		Coding coding = concept == null || !concept.hasCoding() ? null : concept.getCodingFirstRep();
		String display = coding != null && coding.hasDisplay() ? coding.getDisplay()
				: concept != null && concept.hasText() ? concept.getText() : null;
		return new SummaryEntry(category, coding == null ? null : coding.getSystem(),
				coding == null ? null : coding.getCode(), display, date, value, status, source);
	}

	private CodeableConcept medication(Type medication, DomainResource owner) {
		if (medication instanceof CodeableConcept concept) {
			return concept;
		}
		if (medication instanceof Reference reference && reference.hasReference()) {
			String target = reference.getReference();
			Resource resolved = target.startsWith("#")
					? owner.getContained().stream()
						.filter(c -> target.substring(1).equals(c.getIdElement().getIdPart()))
						.findFirst()
						.orElse(null)
					: byFullUrl.getOrDefault(target, byTypeAndId.get(target));
			if (resolved instanceof Medication med) {
				return med.getCode();
			}
			return new CodeableConcept().setText(reference.getDisplay());
		}
		return null;
	}

	private static String sourceOf(Bundle.BundleEntryComponent entry) {
		if (entry.hasFullUrl()) {
			return entry.getFullUrl();
		}
		Resource resource = entry.getResource();
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	/** The code of the observation's first category coding (vital-signs, laboratory, ...), null without one. */
	private static String kindOf(Observation observation) {
		for (CodeableConcept category : observation.getCategory()) {
			for (Coding coding : category.getCoding()) {
				if (coding.hasCode()) {
					return coding.getCode();
				}
			}
		}
		return null;
	}

	/** The quantity of the value, or of each component with a quantity value; empty when there is none. */
	private static List<Measurement> measurements(Observation observation) {
		List<Measurement> found = new ArrayList<>();
		if (observation.hasValue()) {
			if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
				found.add(measurement(null, null, quantity));
			}
			return found;
		}
		for (Observation.ObservationComponentComponent component : observation.getComponent()) {
			if (component.getValue() instanceof Quantity quantity && quantity.hasValue()) {
				CodeableConcept code = component.getCode();
				Coding coding = code.hasCoding() ? code.getCodingFirstRep() : null;
				String name = coding != null && coding.hasDisplay() ? coding.getDisplay() : code.getText();
				found.add(measurement(name, coding == null ? null : coding.getCode(), quantity));
			}
		}
		return found;
	}

	private static Measurement measurement(String label, String labelCode, Quantity quantity) {
		boolean ucum = FhirUrls.UCUM.equals(quantity.getSystem()) && quantity.hasCode();
		String unit = ucum ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
		return new Measurement(label, labelCode, quantity.hasComparator() ? quantity.getComparator().toCode() : null, quantity.getValue(),
				unit, ucum);
	}

	private static String observationDate(Observation observation) {
		String date = firstDate(observation.getEffective());
		return date != null ? date : firstDate(observation.getIssuedElement());
	}

	private static String observationValue(Observation observation) {
		if (observation.hasValue()) {
			return render(observation.getValue());
		}
		if (observation.hasComponent()) {
			List<String> parts = new ArrayList<>();
			for (Observation.ObservationComponentComponent component : observation.getComponent()) {
				if (component.hasValue()) {
					CodeableConcept code = component.getCode();
					String name = code.hasCoding() && code.getCodingFirstRep().hasDisplay()
							? code.getCodingFirstRep().getDisplay() : code.getText();
					parts.add((name == null ? "" : name + ": ") + render(component.getValue()));
				}
			}
			return parts.isEmpty() ? null : String.join("; ", parts);
		}
		if (observation.hasDataAbsentReason()) {
			return "absent: " + conceptText(observation.getDataAbsentReason());
		}
		return null;
	}

	private static String render(Type value) {
		if (value instanceof Quantity quantity) {
			return quantityText(quantity);
		}
		if (value instanceof CodeableConcept concept) {
			return conceptText(concept);
		}
		if (value instanceof Range range) {
			return quantityText(range.getLow()) + " - " + quantityText(range.getHigh());
		}
		if (value instanceof Ratio ratio) {
			return quantityText(ratio.getNumerator()) + " / " + quantityText(ratio.getDenominator());
		}
		if (value instanceof Period period) {
			return period.getStartElement().getValueAsString() + " - " + period.getEndElement().getValueAsString();
		}
		if (value instanceof SampledData sampled) {
			return "sampled data: " + sampled.getData();
		}
		if (value instanceof PrimitiveType<?> primitive) {
			return primitive.getValueAsString();
		}
		return value.fhirType();
	}

	private static String quantityText(Quantity quantity) {
		if (quantity == null || !quantity.hasValue()) {
			return "?";
		}
		BigDecimal number = quantity.getValue();
		String comparator = quantity.hasComparator() ? quantity.getComparator().toCode() : "";
		String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
		return comparator + number.toPlainString() + (unit == null ? "" : " " + unit);
	}

	private static String conceptText(CodeableConcept concept) {
		if (concept.hasText()) {
			return concept.getText();
		}
		Coding coding = concept.getCodingFirstRep();
		return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
	}

	private static String firstCode(CodeableConcept concept) {
		return concept != null && concept.hasCoding() ? concept.getCodingFirstRep().getCode() : null;
	}

	private static String codeOf(PrimitiveType<?> status) {
		return status == null || status.isEmpty() ? null : status.getValueAsString();
	}

	/** The first of the candidates that holds a date, as written in the source (a period gives its start). */
	private static String firstDate(Type... candidates) {
		for (Type candidate : candidates) {
			if (candidate instanceof BaseDateTimeType date && date.hasValue()) {
				return date.getValueAsString();
			}
			if (candidate instanceof Period period && (period.hasStart() || period.hasEnd())) {
				return period.hasStart() ? period.getStartElement().getValueAsString()
						: period.getEndElement().getValueAsString();
			}
		}
		return null;
	}
}
