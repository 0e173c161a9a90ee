/**
 * The specialist's workspace: the blinded-first {@link org.consilium.review.Impression}, clarifying questions to the
 * patient ({@link org.consilium.review.Clarification}) and the structured {@code WrittenOpinion}
 * (concordance, diagnoses, treatment review and options, answers to every patient question, plain-language summary,
 * and the full report's {@link org.consilium.review.ReportSections}: materials reviewed, re-reads, research options,
 * discussion points, next steps, the reviewer's credentials),
 * saved as a draft under optimistic locking and signed once.
 *
 * <p>Schema {@code review}: {@code impression}, {@code clarification}, {@code written_opinion} with
 * {@code opinion_diagnosis}, {@code opinion_treatment_option} and {@code opinion_answer} (the report's sections as JSON
 * in {@code written_opinion.report}); database triggers refuse any change to a signed opinion. An unsigned draft of a
 * specialist whose account is deactivated is voided with a reason ({@link org.consilium.review.DepartedSpecialistDrafts});
 * a case has at most one opinion that is not voided. The case lifecycle stays in {@code intake}: this module calls its facade
 * ({@code acceptAssignment}, {@code awaitPatient}, {@code patientAnswered}, {@code impressionRecorded},
 * {@code opinionSigned}). {@link org.consilium.review.ReportAssistance} reads {@code records} (documents and imports)
 * and the audit trail to pre-fill the materials the specialist opened.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "records" })
package org.consilium.review;
