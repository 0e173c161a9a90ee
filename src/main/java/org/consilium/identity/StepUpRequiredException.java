package org.consilium.identity;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code step-up-required}, HTTP 401: the step (signing an opinion, changing another account) needs a
 * recent confirmation of who is acting, and the session's last one is older than
 * {@code consilium.identity.second-factor.step-up-after}. Nothing was changed.
 */
public class StepUpRequiredException extends ConsiliumProblem {

	public StepUpRequiredException() {
		super("step-up-required", HttpStatus.UNAUTHORIZED, "Confirm who you are first: enter your password or a code at /account/confirm in this "
				+ "session, then repeat the request.");
	}
}
