package org.consilium.records;

/** One row of the clinical summary with the import it was taken from. */
public record SummaryEntrySource(SummaryEntry entry, FhirImportView from) {
}
