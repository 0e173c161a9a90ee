package org.consilium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseParties;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * In-app notices and the e-mails that announce them. {@link #notify} is the one entry point for any module's news:
 * it writes at most one notice per recipient per {@code eventKey} and, with it, one outbox e-mail, both in the caller's
 * transaction. A user reads and marks only their own notices; another user's notice answers 404 like a missing one.
 */
@Service
@Transactional
public class Notices {

	/** Notices a page holds at most. */
	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final IdentityManagement identity;

	private final CaseAccess access;

	private final Clock clock;

	Notices(JdbcClient jdbc, Outbox outbox, IdentityManagement identity, CaseAccess access, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.identity = identity;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Writes a notice of {@code kind} about a case to each recipient, once per {@code eventKey} (a second call with the
	 * same key changes nothing), and queues one e-mail per new notice. Must run inside the transaction of the change
	 * that causes it, e.g. from a synchronous {@code @EventListener}.
	 *
	 * @param eventKey   identifies the event, e.g. {@code "urgent-finding:<findingId>"}; at most 200 characters, no health data
	 * @param recipients account ids; unknown ids are skipped
	 * @return how many notices were new
	 */
	public int notify(NoticeKind kind, CaseId caseId, String eventKey, Collection<UserId> recipients) {
		int created = 0;
		for (UserId recipient : new LinkedHashSet<>(recipients)) {
			UserView user = recipient == null ? null : identity.findUser(recipient).orElse(null);
			if (user == null) {
				continue;
			}
			int inserted = jdbc.sql("""
					INSERT INTO notification.notice (id, recipient_id, kind, case_id, event_key, created_at)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (recipient_id, event_key) DO NOTHING""")
				.params(UUID.randomUUID(), UserId.valueOrNull(recipient), kind.name(), CaseId.valueOrNull(caseId), eventKey, Timestamp.from(clock.instant())).update();
			if (inserted == 1) {
				outbox.queueNews(user, kind);
				created++;
			}
		}
		return created;
	}

	/** The case's coordinator: the one who claimed it, or every coordinator while it is unclaimed. */
	@Transactional(readOnly = true)
	public Set<UserId> coordinatorsOf(CaseId caseId) {
		return coordinators(access.parties(caseId).coordinatorId());
	}

	/** The patient of a case and, as the one who acts for them, the referring physician if any. */
	@Transactional(readOnly = true)
	public Set<UserId> patientSideOf(CaseId caseId) {
		CaseParties parties = access.parties(caseId);
		Set<UserId> ids = new LinkedHashSet<>();
		if (parties.patientId() != null) {
			ids.add(parties.patientId());
		}
		if (parties.referrerId() != null) {
			ids.add(parties.referrerId());
		}
		return ids;
	}

	Set<UserId> coordinators(UserId claimedBy) {
		if (claimedBy != null) {
			return Set.of(claimedBy);
		}
		Set<UserId> all = new LinkedHashSet<>();
		identity.usersWithRole(Role.COORDINATOR).forEach(u -> all.add(u.id()));
		return all;
	}

	/**
	 * One page of the actor's notices, newest first, with the unread count.
	 * @throws org.consilium.shared.PageOutOfRangeException (422) for a negative page, one over
	 *         {@value org.consilium.shared.Pages#MAX_PAGE} or one past the end
	 */
	@Transactional(readOnly = true)
	public NoticePage page(Actor actor, int page) {
		List<NoticeView> rows = jdbc.sql("""
				SELECT id, kind, case_id, created_at, read_at FROM notification.notice WHERE recipient_id = ?
				ORDER BY created_at DESC, id OFFSET ? LIMIT ?""")
			.params(actor.id().value(), org.consilium.shared.Pages.offset(page, PAGE_SIZE), PAGE_SIZE + 1).query(NoticeView.class).list();
		org.consilium.shared.Pages.requireWithinList(page, rows.size());
		return new NoticePage(rows.stream().limit(PAGE_SIZE).toList(), page, rows.size() > PAGE_SIZE, unreadCount(actor));
	}

	/** How many of the actor's notices are unread. */
	@Transactional(readOnly = true)
	public long unreadCount(Actor actor) {
		return jdbc.sql("SELECT count(*) FROM notification.notice WHERE recipient_id = ? AND read_at IS NULL")
			.param(actor.id().value()).query(Long.class).single();
	}

	/**
	 * Marks one of the actor's notices read; marking it again changes nothing.
	 * @throws NotFoundException (404) when it does not exist or belongs to someone else
	 */
	public void markRead(Actor actor, UUID noticeId) {
		int found = jdbc.sql("UPDATE notification.notice SET read_at = coalesce(read_at, ?) WHERE id = ? AND recipient_id = ?")
			.params(Timestamp.from(clock.instant()), noticeId, actor.id().value()).update();
		if (found == 0) {
			throw new NotFoundException();
		}
	}

	/**
	 * Opens one of the actor's notices: marks it read and gives the page it points at (the case's page for its kind),
	 * or {@code /notices} for a notice about no case.
	 * @throws NotFoundException (404) when it does not exist or belongs to someone else
	 */
	public String open(Actor actor, UUID noticeId) {
		markRead(actor, noticeId);
		return jdbc.sql("SELECT kind, case_id FROM notification.notice WHERE id = ?").param(noticeId)
			.query((rs, n) -> {
				UUID caseId = rs.getObject("case_id", UUID.class);
				return caseId == null ? "/notices" : NoticeKind.valueOf(rs.getString("kind")).path(caseId);
			})
			.single();
	}

	/**
	 * Marks the reader's unread notices of these kinds about a case read: opening what a notice points at reads it.
	 * @return how many were marked
	 */
	public int markReadAbout(UserId reader, CaseId caseId, Collection<NoticeKind> kinds) {
		if (reader == null || kinds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				UPDATE notification.notice SET read_at = ? WHERE recipient_id = ? AND case_id = ? AND read_at IS NULL
				AND kind = ANY (?)""")
			.params(Timestamp.from(clock.instant()), reader.value(), caseId.value(), kinds.stream().map(Enum::name).toArray(String[]::new))
			.update();
	}

	/** Marks all the actor's notices read. */
	public void markAllRead(Actor actor) {
		jdbc.sql("UPDATE notification.notice SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), actor.id().value()).update();
	}

	/**
	 * The latest outbox rows with their state, for administrators.
	 * @throws ForbiddenActionException for anyone but an administrator
	 */
	@Transactional(readOnly = true)
	public List<OutboxEntryView> outboxState(Actor actor) {
		if (!actor.is(Role.ADMIN)) {
			throw new ForbiddenActionException("The outbox is for administrators.");
		}
		return outbox.recent(100);
	}

	/** Whether e-mail is on ({@code spring.mail.host} set). */
	public boolean mailEnabled() {
		return outbox.mailEnabled();
	}
}
