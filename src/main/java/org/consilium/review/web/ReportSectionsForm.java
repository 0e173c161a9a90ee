package org.consilium.review.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import org.consilium.review.ReportSections;
import org.consilium.review.ReportSections.DiagnosticReread;
import org.consilium.review.ReportSections.MaterialReviewed;
import org.consilium.review.ReportSections.RereadKind;

/**
 * The full report's fields on the opinion form, bound under {@code report.}: {@code materials[i].description} and
 * {@code .date} (ISO date), {@code rereads[i].kind}, {@code .item}, {@code .reading}, {@code .differs} ({@code true} /
 * {@code false}), {@code trialIds} (registry ids separated by commas, spaces or lines), the free texts, the in-person
 * visit ({@code inPersonVisit} {@code true}/{@code false} and {@code inPersonVisitWith}) and the reviewer's specialty,
 * institution and licence. Blank rows are ignored; {@value #SPARE_ROWS} empty rows follow the filled ones.
 */
public class ReportSectionsForm {

	static final int SPARE_ROWS = 2;

	private List<MaterialRow> materials = new ArrayList<>();
	private List<RereadRow> rereads = new ArrayList<>();
	private String researchOptions = "";
	private String trialIds = "";
	private String discussionPoints = "";
	private String nextSteps = "";
	private Boolean inPersonVisit;
	private String inPersonVisitWith = "";
	private String reviewerSpecialty = "";
	private String reviewerInstitution = "";
	private String reviewerLicence = "";

	/** The form filled from saved sections; {@code suggested} materials fill an empty materials list. */
	static ReportSectionsForm of(ReportSections saved, List<MaterialReviewed> suggested) {
		ReportSectionsForm f = new ReportSectionsForm();
		ReportSections s = saved == null ? ReportSections.empty() : saved;
		(s.materials().isEmpty() && suggested != null ? suggested : s.materials())
			.forEach(m -> f.materials.add(new MaterialRow(m.description(), m.date())));
		s.rereads().forEach(r -> f.rereads.add(new RereadRow(r.kind(), r.item(), r.reading(), r.differsFromOriginal())));
		f.researchOptions = s.researchOptions();
		f.trialIds = String.join(", ", s.trialIds());
		f.discussionPoints = s.discussionPoints();
		f.nextSteps = s.nextSteps();
		f.inPersonVisit = s.inPersonVisit();
		f.inPersonVisitWith = s.inPersonVisitWith();
		f.reviewerSpecialty = s.reviewerSpecialty();
		f.reviewerInstitution = s.reviewerInstitution();
		f.reviewerLicence = s.reviewerLicence();
		return f.padded();
	}

	ReportSectionsForm padded() {
		materials.removeIf(r -> r == null || r.blank());
		rereads.removeIf(r -> r == null || r.blank());
		for (int i = 0; i < SPARE_ROWS; i++) {
			materials.add(new MaterialRow());
			rereads.add(new RereadRow());
		}
		return this;
	}

	/**
	 * The sections to save; blank rows are dropped.
	 * @throws org.consilium.review.InvalidTrialIdException for a registry id that is not an NCT number
	 * @throws org.consilium.shared.InvalidInputException for a half-filled row or over-long text
	 */
	ReportSections sections() {
		List<MaterialReviewed> m = materials.stream().filter(r -> r != null && !r.blank())
			.map(r -> new MaterialReviewed(r.description, r.date)).toList();
		List<DiagnosticReread> r = rereads.stream().filter(x -> x != null && !x.blank())
			.map(x -> new DiagnosticReread(x.kind, x.item, x.reading, x.differs)).toList();
		List<String> ids = trialIds == null ? List.of() : Arrays.stream(trialIds.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
		return new ReportSections(m, r, researchOptions, ids, discussionPoints, nextSteps, inPersonVisit, inPersonVisitWith,
				reviewerSpecialty, reviewerInstitution, reviewerLicence);
	}

	public static class MaterialRow {
		private String description = "";
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		public MaterialRow() {
		}

		MaterialRow(String description, LocalDate date) {
			this.description = description;
			this.date = date;
		}

		boolean blank() {
			return (description == null || description.isBlank()) && date == null;
		}

		public String getDescription() { return description; }
		public void setDescription(String v) { description = v; }
		public LocalDate getDate() { return date; }
		public void setDate(LocalDate v) { date = v; }
	}

	public static class RereadRow {
		private RereadKind kind;
		private String item = "";
		private String reading = "";
		private Boolean differs;

		public RereadRow() {
		}

		RereadRow(RereadKind kind, String item, String reading, Boolean differs) {
			this.kind = kind;
			this.item = item;
			this.reading = reading;
			this.differs = differs;
		}

		boolean blank() {
			return (item == null || item.isBlank()) && (reading == null || reading.isBlank());
		}

		public RereadKind getKind() { return kind; }
		public void setKind(RereadKind v) { kind = v; }
		public String getItem() { return item; }
		public void setItem(String v) { item = v; }
		public String getReading() { return reading; }
		public void setReading(String v) { reading = v; }
		public Boolean getDiffers() { return differs; }
		public void setDiffers(Boolean v) { differs = v; }
	}

	public List<MaterialRow> getMaterials() { return materials; }
	public void setMaterials(List<MaterialRow> v) { materials = v; }
	public List<RereadRow> getRereads() { return rereads; }
	public void setRereads(List<RereadRow> v) { rereads = v; }
	public String getResearchOptions() { return researchOptions; }
	public void setResearchOptions(String v) { researchOptions = v; }
	public String getTrialIds() { return trialIds; }
	public void setTrialIds(String v) { trialIds = v; }
	public String getDiscussionPoints() { return discussionPoints; }
	public void setDiscussionPoints(String v) { discussionPoints = v; }
	public String getNextSteps() { return nextSteps; }
	public void setNextSteps(String v) { nextSteps = v; }
	public Boolean getInPersonVisit() { return inPersonVisit; }
	public void setInPersonVisit(Boolean v) { inPersonVisit = v; }
	public String getInPersonVisitWith() { return inPersonVisitWith; }
	public void setInPersonVisitWith(String v) { inPersonVisitWith = v; }
	public String getReviewerSpecialty() { return reviewerSpecialty; }
	public void setReviewerSpecialty(String v) { reviewerSpecialty = v; }
	public String getReviewerInstitution() { return reviewerInstitution; }
	public void setReviewerInstitution(String v) { reviewerInstitution = v; }
	public String getReviewerLicence() { return reviewerLicence; }
	public void setReviewerLicence(String v) { reviewerLicence = v; }
}
