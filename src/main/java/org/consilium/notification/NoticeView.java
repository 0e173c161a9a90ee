package org.consilium.notification;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;

/** An in-app notice as its recipient sees it; {@code caseId} is null for notices about no case. */
public record NoticeView(UUID id, NoticeKind kind, CaseId caseId, Instant createdAt, Instant readAt) {

	public String label() {
		return kind.label();
	}

	/** Where the notice leads: the opinion page for news about the opinion, else the case page; null without a case. */
	public String path() {
		return caseId == null ? null : kind.path(caseId.value());
	}

	public boolean unread() {
		return readAt == null;
	}
}
