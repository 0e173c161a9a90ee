package org.consilium.records;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a document is, as the person who uploads it names it: a short list, each backed by a LOINC document type code
 * (system {@code http://loinc.org}; displays as in FHIR's document type value set,
 * https://hl7.org/fhir/R4/valueset-c80-doc-typecodes.html, and for the medicines list its section code,
 * https://hl7.org/fhir/R4/valueset-doc-section-codes.html). The constant names are stored
 * ({@code records.document.kind}) and never change. {@link #satisfies} says which completeness checklist items a
 * document of this kind provides, by the plain words the program's checklist uses.
 */
public enum DocumentKind {

	/** LOINC 11488-4 Consult note: the letter or report of the first opinion. */
	FIRST_OPINION("11488-4", "Consult note", "Letter or report of the first opinion", "first-opinion", "first opinion", "first diagnosis", "consult"),
	/** LOINC 11526-1 Pathology study. */
	PATHOLOGY("11526-1", "Pathology study", "Pathology report (biopsy or tissue)", "patholog", "biopsy", "histolog"),
	/** LOINC 18748-4 Diagnostic imaging study. */
	IMAGING("18748-4", "Diagnostic imaging study", "Imaging report (X-ray, CT, MRI, ultrasound)", "imaging", "radiolog", "scan", "x-ray", "mri", "ct", "ultrasound", "echocardiogram"),
	/** LOINC 11502-2 Laboratory report. */
	LABORATORY("11502-2", "Laboratory report", "Laboratory results (blood or other tests)", "laborator", "lab result", "blood test", "blood count"),
	/** LOINC 11506-3 Progress note. */
	PROGRESS_NOTE("11506-3", "Progress note", "Clinic letter or progress note", "progress note", "clinic letter", "clinic note"),
	/** LOINC 34117-2 History and physical note. */
	HISTORY_AND_PHYSICAL("34117-2", "History and physical note", "History and examination note", "history and physical", "history and examination"),
	/** LOINC 18842-5 Discharge summary. */
	DISCHARGE_SUMMARY("18842-5", "Discharge summary", "Hospital discharge summary", "discharge"),
	/** LOINC 10160-0 History of Medication use Narrative: the list of medicines the patient takes. */
	MEDICINES("10160-0", "History of Medication use Narrative", "List of current medicines", "medicine", "medication"),
	/** Anything else: no LOINC code, ticks no checklist item. */
	OTHER(null, null, "Something else");

	/** The LOINC system URI. */
	public static final String LOINC = "http://loinc.org";

	private final String loincCode;

	private final String loincDisplay;

	private final String label;

	private final List<String> checklistWords;

	DocumentKind(String loincCode, String loincDisplay, String label, String... checklistWords) {
		this.loincCode = loincCode;
		this.loincDisplay = loincDisplay;
		this.label = label;
		this.checklistWords = List.of(checklistWords);
	}

	/** The LOINC code, e.g. {@code 11526-1}; null for {@link #OTHER}. */
	public String loincCode() {
		return loincCode;
	}

	/** LOINC's display for the code, e.g. "Pathology study"; null for {@link #OTHER}. */
	public String loincDisplay() {
		return loincDisplay;
	}

	/** What people read, e.g. "Pathology report (biopsy or tissue)". */
	public String label() {
		return label;
	}

	/**
	 * Whether a document of this kind provides the checklist item: one of the kind's words starts a word of the item (any
	 * case), e.g. "Pathology report" for {@link #PATHOLOGY}, "Imaging report from the last 3 months" for {@link #IMAGING},
	 * "Current medicines" for {@link #MEDICINES}. Dates in an item are not checked: the coordinator unticks an item a
	 * document does not meet.
	 */
	public boolean satisfies(String checklistItem) {
		String item = checklistItem == null ? "" : checklistItem.toLowerCase(Locale.ROOT);
		return checklistWords.stream().anyMatch(w -> java.util.regex.Pattern.compile("(?<![\\p{L}\\d])" + java.util.regex.Pattern.quote(w)).matcher(item).find());
	}

	/** The kind of a constant name or a LOINC code ({@code PATHOLOGY}, {@code 11526-1}); empty for anything else. */
	public static Optional<DocumentKind> of(String nameOrCode) {
		if (nameOrCode == null || nameOrCode.isBlank()) {
			return Optional.empty();
		}
		String v = nameOrCode.strip();
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(v) || v.equals(k.loincCode)).findFirst();
	}
}
