/**
 * E-mail and in-app notices, never containing health data.
 *
 * <p>Schema {@code notification}: {@code notice} (in-app, one per event per recipient), {@code outbox_message}
 * (e-mail, written in the transaction of the change that causes it and sent by {@link org.consilium.notification.OutboxSender}
 * with retries and a stable Message-ID), {@code escalation} (each 50/80/100 % threshold of each case clock once).
 * Listens to {@link org.consilium.intake.OpinionRequestStatusChanged} and
 * {@link org.consilium.triage.UrgentFindingMarked} and {@link org.consilium.opinion.FollowUpQuestionsPassedOn} in the
 * publishing transaction, and to the opinion's follow-up questions,
 * answers and new versions ({@link org.consilium.notification.OpinionNoticeRouting}); reading the opinion marks the
 * reader's notices about it read; other modules
 * (or the lead's wiring of new events) call {@link org.consilium.notification.Notices#notify}. E-mails say only that
 * there is news and link to {@code /notices}; in-app notices name the kind of news and link to the case behind sign-in.
 * Sends the two e-mails of a link to the opinion for sharing ({@link org.consilium.sharing.PhysicianMail}). Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "intake", "triage", "opinion", "sharing" })
package org.consilium.notification;
