package org.consilium.shared;

/**
 * A signed-in principal that acts as an {@link Actor}. The identity module's principal implements it, so that
 * {@link Actor#current()} can answer without this module knowing how people sign in.
 */
public interface ActingPrincipal {

	/** Who acts for this principal. */
	Actor actor();
}
