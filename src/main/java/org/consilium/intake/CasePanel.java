package org.consilium.intake;

import java.time.Instant;
import java.util.List;

import org.consilium.shared.UserId;

/**
 * The panel of a case: its chair (the assigned specialist, who writes and signs the consensus opinion) and its
 * {@value #MIN_MEMBERS}–{@value #MAX_MEMBERS} other members, each writing an independent opinion. A case reviewed by
 * one specialist has no members ({@link #isPanel()} is false).
 */
public record CasePanel(UserId chairId, String chairName, List<Member> members) {

	/** Fewest members besides the chair (issue #5, "Panels": a chair and 2–5 specialists). */
	public static final int MIN_MEMBERS = 2;

	/** Most members besides the chair. */
	public static final int MAX_MEMBERS = 5;

	public record Member(UserId memberId, String name, Instant impressionRecordedAt) {
	}

	public boolean isPanel() {
		return !members.isEmpty();
	}

	public boolean isMember(UserId userId) {
		return members.stream().anyMatch(m -> m.memberId().equals(userId));
	}

	public boolean isChair(UserId userId) {
		return userId != null && userId.equals(chairId);
	}
}
