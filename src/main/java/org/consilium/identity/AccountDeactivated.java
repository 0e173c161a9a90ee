package org.consilium.identity;

import java.time.Instant;

import org.consilium.shared.Actor;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * An administrator deactivated an account ({@link AccountAdministration#deactivate}). Consumers run in the publishing
 * transaction: triage returns a deactivated specialist's open cases to the coordinators' queue, review voids their
 * unsigned draft opinions. Ids, the role and the instant only; the reason stays in {@code identity}.
 *
 * @param account the deactivated account
 * @param role its role at deactivation
 * @param by the administrator
 * @param at when
 */
public record AccountDeactivated(UserId account, Role role, UserId by, Instant at) {

	/** The deactivated account as an actor of its role: its consumers reach its cases as it did, through the access policy. */
	public Actor departing() {
		return new Actor(account, role, "(deactivated)");
	}

	/** The administrator who deactivated the account: the actor of what its consumers change and audit. */
	public Actor administrator() {
		return new Actor(by, Role.ADMIN, "(administrator)");
	}
}
