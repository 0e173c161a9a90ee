package org.consilium.triage;

import java.time.Instant;
import java.util.List;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * The completeness checklist of a case: the items of its specialty (or the default list before one is chosen), each
 * with its state and who recorded it when ({@code null} while MISSING and never touched).
 *
 * @param specialtyCode the NUCC code the list follows, or null for the default list
 */
public record Checklist(CaseId caseId, String specialtyCode, List<Item> items) {

	/**
	 * One item. {@code fromDocument} is the kind of uploaded document (its label) that ticked the item by itself
	 * ({@code state} PRESENT, {@code recordedAt} the upload's time, {@code recordedBy} null), or null when a person
	 * recorded the state.
	 */
	public record Item(String item, ChecklistItemState state, UserId recordedBy, String recordedByName, Instant recordedAt, String fromDocument) {

		public Item(String item, ChecklistItemState state, UserId recordedBy, String recordedByName, Instant recordedAt) {
			this(item, state, recordedBy, recordedByName, recordedAt, null);
		}
	}

	/** The items not yet present, in list order: what the patient still has to provide. */
	public List<Item> missing() {
		return items.stream().filter(i -> i.state() != ChecklistItemState.PRESENT).toList();
	}

	public boolean complete() {
		return missing().isEmpty();
	}
}
