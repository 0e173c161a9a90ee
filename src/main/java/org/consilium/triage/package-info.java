/**
 * Triage: the coordinators' queue (earliest due first), declining, asking for missing records, and completing triage
 * with a specialty (NUCC taxonomy code), an urgency and an assigned specialist or a panel. Triage's use cases on the case
 * ({@link org.consilium.triage.CaseTriage}: start, ask for records, decline, assign one specialist through matching's
 * check and record, assign a panel, deliver after the quality check) make their transitions through
 * {@link org.consilium.intake.CaseLifecycle}; the lifecycle itself and both clocks are the case's. This module also
 * owns the coordinator's pages, the
 * completeness {@link org.consilium.triage.Checklist} per specialty ({@link org.consilium.triage.ChecklistSettings}),
 * {@link org.consilium.triage.UrgentFinding}s and the {@link org.consilium.triage.TurnaroundReport}.
 *
 * <p>Schema {@code triage}: {@code checklist}, {@code checklist_item}, {@code urgent_finding}. Publishes
 * {@link org.consilium.triage.UrgentFindingMarked} (ids and the instant only).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "matching", "records" })
package org.consilium.triage;
