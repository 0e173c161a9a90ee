/**
 * The case: an {@link org.consilium.intake.OpinionRequest} for a second opinion, from draft to closing, and the
 * case-relation access policy every module asks before it touches case data.
 *
 * <p>Schema {@code intake}: {@code opinion_request}, {@code patient_question}, {@code status_change} (every
 * transition, which also gives the clocks their pauses). Publishes {@link org.consilium.intake.OpinionRequestSubmitted},
 * {@link org.consilium.intake.OpinionRequestWithdrawn} and {@link org.consilium.intake.OpinionRequestStatusChanged},
 * carrying identifiers, codes and instants only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit" })
package org.consilium.intake;
