/**
 * What the patient shares, and with whom (issue #12 items 4 and 5).
 *
 * <p>{@link org.consilium.sharing.Consents}: the case's sharing choices (records to the assigned reviewers, the opinion
 * to the treating and the referring physician, de-identified data for research) as FHIR-Consent-shaped records with
 * their history (https://hl7.org/fhir/R4/consent.html); revocable at any time, effective at the next request.
 * {@link org.consilium.sharing.PhysicianLinks}: the signed opinion and the documents the patient ticked, sent to a
 * physician outside the program by a single-use, expiring link and a one-time code sent in a second e-mail;
 * {@link org.consilium.sharing.LinkReading} is the physician's side, and the grant it opens is checked by
 * {@link org.consilium.intake.CaseAccess} through {@link org.consilium.intake.ExternalReaders} at every read.
 *
 * <p>Schema {@code sharing}: {@code consent} (append-only: a change is a new version), {@code physician_link} (hashes
 * of the token and code only). E-mails go out through {@link org.consilium.sharing.PhysicianMail}, which the
 * notification module implements with its outbox; they hold no health data. Publishes no events; listens to
 * {@link org.consilium.intake.OpinionRequestStatusChanged} to record the reviewers' consent at submission, and to
 * {@link org.consilium.opinion.OpinionVersionSigned} to send a fresh link to every physician still consented to
 * ({@code NewVersionLinks}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "records", "opinion" })
package org.consilium.sharing;
