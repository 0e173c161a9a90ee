/**
 * The delivered opinion: the patient's reading of the signed {@link org.consilium.review.WrittenOpinionView} (plain
 * summary first, first and second opinion side by side, answers beside their questions), up to
 * {@value org.consilium.opinion.FollowUpQuestions#MAX} follow-up questions answered by the specialist as addenda, and
 * closing the case with {@link org.consilium.opinion.Feedback}.
 *
 * <p>Schema {@code opinion}: {@code follow_up_question}, {@code feedback}. Reads the signed opinion through
 * {@link org.consilium.review.ReviewManagement#signedOpinion}; closes the case through
 * {@link org.consilium.intake.CaseLifecycle#close}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "review" })
package org.consilium.opinion;
