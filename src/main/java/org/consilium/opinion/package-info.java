/**
 * The delivered opinion: the patient's reading of the signed {@link org.consilium.review.WrittenOpinionView} (plain
 * summary first, first and second opinion side by side, answers beside their questions), up to
 * {@value org.consilium.opinion.FollowUpQuestions#MAX} follow-up questions answered by the specialist, addenda that
 * sign new versions ({@link org.consilium.opinion.Addendum}), and closing the case with
 * {@link org.consilium.opinion.Feedback}; and the opinion as a document that leaves the program
 * ({@link org.consilium.opinion.OpinionDocuments}): its PDF/A-2u and PDF/UA-1 rendering of the page's report fragment,
 * the fingerprint of each signed version and the check of a fingerprint, also without signing in with the case's code
 * ({@link org.consilium.opinion.DocumentChecks}).
 *
 * <p>Schema {@code opinion}: {@code follow_up_question}, {@code feedback}, {@code signed_version} (version 1 is recorded
 * by an event consumer of {@link org.consilium.intake.OpinionRequestStatusChanged} as the case moves to OPINION_SIGNED,
 * in the signing transaction; each addendum records the next), {@code addendum}, {@code verification_code},
 * {@code verification_attempt}. Publishes {@link org.consilium.opinion.FollowUpQuestionAsked},
 * {@link org.consilium.opinion.FollowUpQuestionAnswered}, {@link org.consilium.opinion.OpinionVersionSigned} and
 * {@link org.consilium.opinion.OpinionOpened}, ids and instants only. Reads the signed opinion through
 * {@link org.consilium.review.ReviewManagement#signedOpinion}; closes the case through
 * {@link org.consilium.intake.CaseLifecycle#close}. When a specialist's account is deactivated, their unanswered
 * follow-up questions are passed on ({@link org.consilium.opinion.DepartedSpecialistFollowUps}, publishing
 * {@link org.consilium.opinion.FollowUpQuestionsPassedOn}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "review" })
package org.consilium.opinion;
