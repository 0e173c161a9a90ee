/**
 * Triage: the coordinators' queue (earliest due first), declining, asking for missing records, and completing triage
 * with a specialty (NUCC taxonomy code), an urgency and an assigned specialist. The lifecycle itself and both clocks
 * are the case's ({@link org.consilium.intake.IntakeManagement}); this module owns the coordinator's pages. No schema.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "matching" })
package org.consilium.triage;
