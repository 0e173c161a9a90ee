package org.consilium.review.web;

import java.util.ArrayList;
import java.util.List;

import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionContent;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.CodeSystem;

/**
 * The opinion form's fields: a fixed layout of {@value #ROWS} diagnosis rows ({@code diagnoses[i].text},
 * {@code diagnoses[i].system}, {@code diagnoses[i].code}), {@value #ROWS} treatment option rows ({@code options[i].name},
 * {@code .invasiveness}, {@code .expectedBenefit}, {@code .risks}, {@code .evidence}) and one {@code answers[i]} per
 * patient question; the full report's other sections under {@code report.} ({@link ReportSectionsForm}). Blank rows are
 * ignored.
 */
public class OpinionForm {

	static final int ROWS = 3;

	private Integer version;

	/** One per rendering of the form: its own autosaves never conflict with it. */
	private java.util.UUID editSession = java.util.UUID.randomUUID();

	private Concordance concordance;

	private List<DiagnosisRow> diagnoses = new ArrayList<>();

	private TreatmentReview treatmentReview;

	private String treatmentComment = "";

	private List<OptionRow> options = new ArrayList<>();

	private String furtherWorkUp = "";

	private List<String> answers = new ArrayList<>();

	private String limitations = "";

	private String plainSummary = "";

	private ReportSectionsForm report = new ReportSectionsForm();

	public OpinionForm() {
	}

	/** An empty form, or the saved draft, padded to the fixed rows and to one answer per question. */
	static OpinionForm of(WrittenOpinionView draft, int questionCount,
			List<org.consilium.review.ReportSections.MaterialReviewed> suggestedMaterials) {
		OpinionForm form = new OpinionForm();
		form.report = ReportSectionsForm.of(draft == null ? null : draft.report(), suggestedMaterials);
		if (draft != null) {
			form.version = draft.version();
			form.concordance = draft.concordance();
			draft.diagnoses().forEach(d -> form.diagnoses.add(new DiagnosisRow(d.text(), d.system(), d.code())));
			form.treatmentReview = draft.treatmentReview();
			form.treatmentComment = draft.treatmentComment();
			draft.options().forEach(o -> form.options.add(new OptionRow(o.name(), o.invasiveness(), o.expectedBenefit(), o.risks(), o.evidence())));
			form.furtherWorkUp = draft.furtherWorkUp();
			form.answers.addAll(draft.answers());
			form.limitations = draft.limitations();
			form.plainSummary = draft.plainSummary();
		}
		return form.padded(questionCount);
	}

	/** Pads the rows for re-rendering. */
	OpinionForm padded(int questionCount) {
		report.padded();
		while (diagnoses.size() < ROWS) {
			diagnoses.add(new DiagnosisRow());
		}
		while (options.size() < ROWS) {
			options.add(new OptionRow());
		}
		while (answers.size() < questionCount) {
			answers.add("");
		}
		return this;
	}

	/**
	 * The content to save; blank rows are dropped.
	 * @throws org.consilium.shared.InvalidInputException for a half-filled row (a code without system, an option without
	 *         invasiveness) or over-long text
	 */
	OpinionContent content(int questionCount) {
		List<Diagnosis> dx = diagnoses.stream().filter(r -> r != null && !r.blank()).map(r -> new Diagnosis(r.text, r.system, r.code)).toList();
		List<TreatmentOption> opts = options.stream().filter(r -> r != null && !r.blank())
			.map(r -> new TreatmentOption(r.name, r.invasiveness, r.expectedBenefit, r.risks, r.evidence)).toList();
		List<String> a = new ArrayList<>();
		for (int i = 0; i < questionCount; i++) {
			a.add(i < answers.size() && answers.get(i) != null ? answers.get(i) : "");
		}
		return new OpinionContent(concordance, dx, treatmentReview, treatmentComment, opts, furtherWorkUp, a, limitations, plainSummary,
				report.sections());
	}

	public static class DiagnosisRow {
		private String text = "";
		private CodeSystem system;
		private String code = "";

		public DiagnosisRow() {
		}

		DiagnosisRow(String text, CodeSystem system, String code) {
			this.text = text;
			this.system = system;
			this.code = code == null ? "" : code;
		}

		boolean blank() {
			return (text == null || text.isBlank()) && (code == null || code.isBlank());
		}

		public String getText() { return text; }
		public void setText(String v) { text = v; }
		public CodeSystem getSystem() { return system; }
		public void setSystem(CodeSystem v) { system = v; }
		public String getCode() { return code; }
		public void setCode(String v) { code = v; }
	}

	public static class OptionRow {
		private String name = "";
		private Invasiveness invasiveness;
		private String expectedBenefit = "";
		private String risks = "";
		private String evidence = "";

		public OptionRow() {
		}

		OptionRow(String name, Invasiveness invasiveness, String expectedBenefit, String risks, String evidence) {
			this.name = name;
			this.invasiveness = invasiveness;
			this.expectedBenefit = expectedBenefit;
			this.risks = risks;
			this.evidence = evidence;
		}

		boolean blank() {
			return isBlank(name) && isBlank(expectedBenefit) && isBlank(risks) && isBlank(evidence);
		}

		public String getName() { return name; }
		public void setName(String v) { name = v; }
		public Invasiveness getInvasiveness() { return invasiveness; }
		public void setInvasiveness(Invasiveness v) { invasiveness = v; }
		public String getExpectedBenefit() { return expectedBenefit; }
		public void setExpectedBenefit(String v) { expectedBenefit = v; }
		public String getRisks() { return risks; }
		public void setRisks(String v) { risks = v; }
		public String getEvidence() { return evidence; }
		public void setEvidence(String v) { evidence = v; }
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	public java.util.UUID getEditSession() { return editSession; }
	public void setEditSession(java.util.UUID v) { editSession = v; }
	public Integer getVersion() { return version; }
	public void setVersion(Integer v) { version = v; }
	public Concordance getConcordance() { return concordance; }
	public void setConcordance(Concordance v) { concordance = v; }
	public List<DiagnosisRow> getDiagnoses() { return diagnoses; }
	public void setDiagnoses(List<DiagnosisRow> v) { diagnoses = v; }
	public TreatmentReview getTreatmentReview() { return treatmentReview; }
	public void setTreatmentReview(TreatmentReview v) { treatmentReview = v; }
	public String getTreatmentComment() { return treatmentComment; }
	public void setTreatmentComment(String v) { treatmentComment = v; }
	public List<OptionRow> getOptions() { return options; }
	public void setOptions(List<OptionRow> v) { options = v; }
	public String getFurtherWorkUp() { return furtherWorkUp; }
	public void setFurtherWorkUp(String v) { furtherWorkUp = v; }
	public List<String> getAnswers() { return answers; }
	public void setAnswers(List<String> v) { answers = v; }
	public String getLimitations() { return limitations; }
	public void setLimitations(String v) { limitations = v; }
	public String getPlainSummary() { return plainSummary; }
	public ReportSectionsForm getReport() { return report; }
	public void setReport(ReportSectionsForm v) { report = v == null ? new ReportSectionsForm() : v; }
	public void setPlainSummary(String v) { plainSummary = v; }
}
