package org.consilium.review;

import java.time.LocalDate;
import java.util.List;

import org.consilium.review.ReportSections.DiagnosticReread;
import org.consilium.review.ReportSections.MaterialReviewed;
import org.consilium.review.ReportSections.RereadKind;

/** Full-report sections that satisfy signing, for tests that sign an opinion. */
public final class CompleteReport {

	private CompleteReport() {
	}

	public static ReportSections sections() {
		return new ReportSections(List.of(new MaterialReviewed("Pathology report, core biopsy", LocalDate.of(2026, 3, 2))),
				List.of(new DiagnosticReread(RereadKind.PATHOLOGY, "Core biopsy slides", "Ductal carcinoma in situ, grade 2.", false)),
				"No trial is recruiting nearby.", List.of("NCT01234567"), "Whether radiotherapy is needed after surgery.",
				"Surgery consultation within four weeks.", true, "Breast surgeon", "Breast oncology", "University Hospital",
				"GMC 1234567");
	}
}
