package org.consilium.identity;

import java.time.Instant;

/**
 * An account as its administrators see it: whether failed sign-ins hold it back ({@link SignInLimits}), whether and
 * why it is deactivated, whether it has a second factor.
 *
 * @param deactivatedAt null while the account is active
 * @param deactivationReason the administrator's words, null while active
 */
public record AccountState(UserView account, boolean locked, Instant deactivatedAt, String deactivationReason,
		boolean secondFactor) {

	public boolean deactivated() {
		return deactivatedAt != null;
	}
}
