package org.consilium.intake;

import java.util.Optional;

import org.consilium.audit.AuditAction;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * The grants through which someone without an account reads part of a case ({@link Actor#externalReader}): the
 * {@code sharing} module implements it for the links a patient sends to their physicians (issue #12), so intake does not
 * depend on it. {@link CaseAccess} asks it at every request, so a revoked grant refuses the very next one.
 */
public interface ExternalReaders {

	/**
	 * Whether the reader may, now, do {@code action} on the case: the grant is for this case, unexpired, unrevoked, its
	 * code was entered and the patient's consent behind it is active. Which documents it covers is the implementer's
	 * check before it opens one.
	 */
	boolean allows(Actor reader, CaseId caseId, AuditAction action);

	/** How the patient's access log names the reader, e.g. "Dr X (treating physician, by link)"; empty when unknown. */
	Optional<String> describe(UserId reader);
}
