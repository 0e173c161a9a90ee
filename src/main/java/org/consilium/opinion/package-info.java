/**
 * The delivered opinion: the patient's reading of the signed {@link org.consilium.review.WrittenOpinionView} (plain
 * summary first, first and second opinion side by side, answers beside their questions), up to
 * {@value org.consilium.opinion.FollowUpQuestions#MAX} follow-up questions answered by the specialist as addenda, and
 * closing the case with {@link org.consilium.opinion.Feedback}; and the opinion as a document that leaves the program
 * ({@link org.consilium.opinion.OpinionDocuments}): its PDF/A-2u and PDF/UA-1 rendering of the page's report fragment,
 * the fingerprint of each signed version and the check of a fingerprint.
 *
 * <p>Schema {@code opinion}: {@code follow_up_question}, {@code feedback}, {@code signed_version} (the fingerprint is
 * recorded by an event consumer of {@link org.consilium.intake.OpinionRequestStatusChanged} as the case moves to
 * OPINION_SIGNED, in the signing transaction). Reads the signed opinion through
 * {@link org.consilium.review.ReviewManagement#signedOpinion}; closes the case through
 * {@link org.consilium.intake.CaseLifecycle#close}. When a specialist's account is deactivated, their unanswered
 * follow-up questions are passed on ({@link org.consilium.opinion.DepartedSpecialistFollowUps}, publishing
 * {@link org.consilium.opinion.FollowUpQuestionsPassedOn}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "review" })
package org.consilium.opinion;
