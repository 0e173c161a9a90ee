/**
 * The case: an {@link org.consilium.intake.OpinionRequest} for a second opinion, from draft to closing. The module's
 * name is historical (its schema and migration folder keep it); its facade is split by job:
 * <ul>
 * <li>{@link org.consilium.intake.CaseAccess}: the access check every module makes before it touches its own data of a
 * case (the relation rule is {@code CaseAccessPolicy}); it answers the parties, the status, blinding and whether the
 * actor acts for the patient ({@link org.consilium.intake.AccessibleCase}). The case row is read once per request
 * ({@code CaseStore}).</li>
 * <li>{@link org.consilium.intake.CaseLifecycle}: one method per transition, called by the module whose use case it
 * is (intake, triage, review, opinion); it audits nothing, the use case audits the user's action once.</li>
 * <li>{@link org.consilium.intake.CaseQueries}: the read side (a case with its timeline and clocks, the lists, the
 * turnaround figures, the running clocks for escalations).</li>
 * <li>{@link org.consilium.intake.IntakeManagement}: intake's own use cases (draft, submit, withdraw, records
 * received, the patient's language and jurisdiction).</li>
 * </ul>
 *
 * <p>Schema {@code intake}: {@code opinion_request}, {@code patient_question}, {@code status_change} (every
 * transition, which also gives the clocks their pauses). Publishes {@link org.consilium.intake.OpinionRequestStatusChanged}
 * on every transition (identifiers, statuses and the instant only), in the transaction of the change: notification
 * turns it into notices and outbox e-mails that commit or roll back with it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit" })
package org.consilium.intake;
