/**
 * The FHIR import engine, internal to {@code records}: turns the bytes of an uploaded FHIR R4 Bundle into a
 * {@link org.consilium.records.ClinicalSummary}, the Patient it names and the identifiers later imports refer to, or
 * rejects it with every problem found. It stores nothing and knows no case; the root checks access, stores the result
 * and audits it.
 * <p>
 * {@link org.consilium.records.fhirimport.FhirBundleImporter} runs the steps: limits ({@code FhirImportLimits},
 * {@code consilium.records.fhir.*}), strict JSON ({@code BundleJson}), {@code BundleStructureRules}, HAPI's validator judged by
 * {@code ValidatorFindingPolicy}, {@code UnsafeContentRules}, then {@code ClinicalSummaryAssembler}. One importer serves
 * the application ({@code FhirImportConfiguration}), warmed up at start-up. This is the only package that uses HAPI FHIR
 * ({@code ArchitectureTests}). Tables: none. Events: none.
 * <p>
 * Public are only the types the root calls; Spring Modulith keeps them from other modules.
 */
package org.consilium.records.fhirimport;
