package org.consilium.records;

import java.util.List;

/** All records of a case: documents, imports and the clinical summary merged over the imports. */
public record CaseRecordsView(List<DocumentView> documents, List<FhirImportView> imports, ClinicalSummary summary) {

	public boolean isEmpty() {
		return documents.isEmpty() && imports.isEmpty();
	}
}
