package org.consilium.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.consilium.shared.InvalidInputException;

/**
 * The parts of the full written report beside the opinion's core (concordance, diagnoses, treatment, answers,
 * summary): what the specialist reviewed, their re-reading of imaging and pathology, research options, what to discuss
 * with the treating physician and what comes next, and who the reviewer is. Everything may be empty in a draft;
 * {@link #missingForSignature()} says what a complete report still needs.
 *
 * @param materials the records reviewed, each with the date it is from (at most {@value OpinionContent#MAX_ROWS})
 * @param rereads the specialist's reading of each imaging or pathology item
 * @param researchOptions clinical trials and research options, free text
 * @param trialIds ClinicalTrials.gov registry ids ({@code NCT} and 8 digits), optional
 * @param discussionPoints points to discuss with the treating physician
 * @param nextSteps what should happen next
 * @param inPersonVisit whether an in-person visit is recommended; null while not yet answered
 * @param inPersonVisitWith with whom (a specialty or a named service), needed when a visit is recommended
 * @param reviewerSpecialty the reviewing specialist's specialty, as printed on the report
 * @param reviewerInstitution their institution
 * @param reviewerLicence their licence or registration (e.g. "GMC 1234567")
 * @throws InvalidTrialIdException (problem type {@code invalid-input}, 422) for a registry id that is not an NCT number
 * @throws InvalidInputException (422) for over-long text or too many rows
 */
public record ReportSections(List<MaterialReviewed> materials, List<DiagnosticReread> rereads, String researchOptions,
		List<String> trialIds, String discussionPoints, String nextSteps, Boolean inPersonVisit, String inPersonVisitWith,
		String reviewerSpecialty, String reviewerInstitution, String reviewerLicence) {

	/**
	 * A ClinicalTrials.gov identifier: "NCT" and eight digits
	 * (<a href="https://clinicaltrials.gov/data-api/about-api/study-data-structure">ClinicalTrials.gov study data structure</a>,
	 * {@code nctId}).
	 */
	static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");

	public ReportSections {
		materials = rows(materials, "materials reviewed");
		rereads = rows(rereads, "re-read items");
		List<String> ids = new ArrayList<>();
		for (String id : trialIds == null ? List.<String>of() : trialIds) {
			String v = id == null ? "" : id.strip().toUpperCase(java.util.Locale.ROOT);
			if (v.isEmpty()) {
				continue;
			}
			if (!NCT_ID.matcher(v).matches()) {
				throw new InvalidTrialIdException(id.strip());
			}
			if (!ids.contains(v)) {
				ids.add(v);
			}
		}
		if (ids.size() > OpinionContent.MAX_ROWS) {
			throw new InvalidInputException("At most " + OpinionContent.MAX_ROWS + " trial registry ids.");
		}
		trialIds = List.copyOf(ids);
		researchOptions = OpinionContent.clean(researchOptions, "clinical trials and research options", OpinionContent.MAX_TEXT);
		discussionPoints = OpinionContent.clean(discussionPoints, "points to discuss", OpinionContent.MAX_TEXT);
		nextSteps = OpinionContent.clean(nextSteps, "next steps", OpinionContent.MAX_TEXT);
		inPersonVisitWith = OpinionContent.clean(inPersonVisitWith, "in-person visit with", OpinionContent.MAX_SHORT);
		reviewerSpecialty = OpinionContent.clean(reviewerSpecialty, "specialty", OpinionContent.MAX_SHORT);
		reviewerInstitution = OpinionContent.clean(reviewerInstitution, "institution", OpinionContent.MAX_SHORT);
		reviewerLicence = OpinionContent.clean(reviewerLicence, "licence", OpinionContent.MAX_SHORT);
	}

	/** Nothing written yet. */
	public static ReportSections empty() {
		return new ReportSections(List.of(), List.of(), "", List.of(), "", "", null, "", "", "", "");
	}

	/** What a complete report still needs, in form order; empty when complete. */
	public List<String> missingForSignature() {
		List<String> missing = new ArrayList<>();
		if (materials.isEmpty()) {
			missing.add("the materials you reviewed (at least one, with its date)");
		}
		for (int i = 0; i < materials.size(); i++) {
			if (materials.get(i).date() == null) {
				missing.add("the date of reviewed material " + (i + 1));
			}
		}
		for (int i = 0; i < rereads.size(); i++) {
			DiagnosticReread r = rereads.get(i);
			if (r.reading().isEmpty()) {
				missing.add("your reading of re-read item " + (i + 1));
			}
			if (r.differsFromOriginal() == null) {
				missing.add("whether your reading of re-read item " + (i + 1) + " differs from the original report");
			}
		}
		if (discussionPoints.isEmpty()) {
			missing.add("the points to discuss with the treating physician");
		}
		if (nextSteps.isEmpty()) {
			missing.add("the next steps");
		}
		if (inPersonVisit == null) {
			missing.add("whether an in-person visit is recommended");
		}
		else if (inPersonVisit && inPersonVisitWith.isEmpty()) {
			missing.add("with whom the in-person visit is recommended");
		}
		if (reviewerSpecialty.isEmpty()) {
			missing.add("your specialty");
		}
		if (reviewerInstitution.isEmpty()) {
			missing.add("your institution");
		}
		if (reviewerLicence.isEmpty()) {
			missing.add("your licence or registration number");
		}
		return missing;
	}

	/**
	 * One record the specialist reviewed.
	 * @param description what it is, e.g. "CT chest report" or a file name
	 * @param date the date the material is from (or was received); required for signing
	 */
	public record MaterialReviewed(String description, LocalDate date) {

		public MaterialReviewed {
			description = OpinionContent.clean(description, "material reviewed", OpinionContent.MAX_SHORT);
			if (description.isEmpty()) {
				throw new InvalidInputException("A reviewed material needs a description.");
			}
		}
	}

	/**
	 * The specialist's re-reading of one imaging study or pathology specimen.
	 * @param kind imaging or pathology
	 * @param item which study or specimen, e.g. "MRI brain 2026-03-02"
	 * @param reading the specialist's own reading
	 * @param differsFromOriginal whether it differs from the original report; null while not answered
	 */
	public record DiagnosticReread(RereadKind kind, String item, String reading, Boolean differsFromOriginal) {

		public DiagnosticReread {
			item = OpinionContent.clean(item, "re-read item", OpinionContent.MAX_SHORT);
			reading = OpinionContent.clean(reading, "reading", OpinionContent.MAX_TEXT);
			if (item.isEmpty()) {
				throw new InvalidInputException("A re-read item needs to say which study or specimen it is.");
			}
			if (kind == null) {
				throw new InvalidInputException("Say whether re-read item \"" + item + "\" is imaging or pathology.");
			}
		}
	}

	/** What kind of diagnostic material was re-read. */
	public enum RereadKind {
		IMAGING("Imaging"), PATHOLOGY("Pathology");

		private final String label;

		RereadKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private static <T> List<T> rows(List<T> rows, String what) {
		List<T> list = rows == null ? List.of() : rows.stream().filter(r -> r != null).toList();
		if (list.size() > OpinionContent.MAX_ROWS) {
			throw new InvalidInputException("At most " + OpinionContent.MAX_ROWS + " " + what + ".");
		}
		return list;
	}
}
