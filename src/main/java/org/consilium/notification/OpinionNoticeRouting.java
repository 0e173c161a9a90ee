package org.consilium.notification;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.consilium.intake.CaseAccess;
import org.consilium.opinion.FollowUpQuestionAnswered;
import org.consilium.opinion.FollowUpQuestionAsked;
import org.consilium.opinion.OpinionOpened;
import org.consilium.opinion.OpinionVersionSigned;
import org.consilium.shared.UserId;

/**
 * The conversation after delivery, in the publishing transaction (plain {@code @EventListener}s, like
 * {@link CaseNoticeRouting}), each notice with its e-mail that says only that there is news:
 * <ul>
 * <li>a follow-up question: the case's assigned specialist;</li>
 * <li>its answer: the patient and the referring physician;</li>
 * <li>a new signed version (an addendum): those the opinion was delivered to, the patient and, with the patient's consent to
 * share, the referring physician;</li>
 * <li>the opinion read: the reader's unread notices that point at it ({@link NoticeKind#ABOUT_THE_OPINION}) are marked
 * read.</li>
 * </ul>
 * Event keys name the question or the version, so a redelivered event adds nothing.
 */
@Component
class OpinionNoticeRouting {

	private final Notices notices;

	private final CaseAccess access;

	OpinionNoticeRouting(Notices notices, CaseAccess access) {
		this.notices = notices;
		this.access = access;
	}

	@EventListener
	void on(FollowUpQuestionAsked event) {
		UserId specialist = access.parties(event.caseId()).specialistId();
		if (specialist != null) {
			notices.notify(NoticeKind.FOLLOW_UP_ASKED, event.caseId(), "follow-up-asked:" + event.followUpId(), Set.of(specialist));
		}
	}

	@EventListener
	void on(FollowUpQuestionAnswered event) {
		notices.notify(NoticeKind.FOLLOW_UP_ANSWERED, event.caseId(), "follow-up-answered:" + event.followUpId(),
				notices.patientSideOf(event.caseId()));
	}

	@EventListener
	void on(OpinionVersionSigned event) {
		notices.notify(NoticeKind.OPINION_NEW_VERSION, event.caseId(), "opinion-version:" + event.caseId() + ":" + event.version(),
				CaseNoticeRouting.deliveredTo(access.parties(event.caseId())));
	}

	@EventListener
	void on(OpinionOpened event) {
		notices.markReadAbout(event.readerId(), event.caseId(), NoticeKind.ABOUT_THE_OPINION);
	}
}
