package org.consilium.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The completeness checklist of a case: the items of its specialty (or the default list before one is chosen), each
 * with its state and who recorded it when ({@code null} while MISSING and never touched).
 *
 * @param specialtyCode the NUCC code the list follows, or null for the default list
 */
public record Checklist(UUID caseId, String specialtyCode, List<Item> items) {

	public record Item(String item, ChecklistItemState state, UUID recordedBy, String recordedByName, Instant recordedAt) {
	}

	/** The items not yet present, in list order: what the patient still has to provide. */
	public List<Item> missing() {
		return items.stream().filter(i -> i.state() != ChecklistItemState.PRESENT).toList();
	}

	public boolean complete() {
		return missing().isEmpty();
	}
}
