package org.consilium.records;

import java.time.Instant;

import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.UserId;

/**
 * A withdrawn (voided) upload: what it was ({@code kind} null when not said), who withdrew it, when, the kind of reason
 * and the reason in their words. Its content is never served again.
 */
public record WithdrawnDocumentView(DocumentId id, CaseId caseId, String fileName, DocumentKind kind, Instant uploadedAt, UserId withdrawnBy,
		String withdrawnByName, Instant withdrawnAt, WithdrawalReason reasonKind, String reason) {
}
