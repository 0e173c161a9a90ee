package org.consilium.sharing;

import java.util.Set;

import org.consilium.shared.DocumentId;

/**
 * The patient sends the signed opinion, and the documents they ticked, to a physician.
 *
 * @param recipient {@link ConsentChoice#TREATING_PHYSICIAN} (name, institution and e-mail as entered) or
 *        {@link ConsentChoice#REFERRING_PHYSICIAN} (the case's referrer's account; the other fields are ignored)
 * @param documents documents of the case, besides the opinion, which is always sent
 */
public record SendToPhysician(ConsentChoice recipient, String name, String institution, String email, Set<DocumentId> documents) {
}
