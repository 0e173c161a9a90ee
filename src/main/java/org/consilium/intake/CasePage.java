package org.consilium.intake;

import java.util.List;

/** One page of a case list: the cases, the page number (from 0) and whether another page follows. */
public record CasePage(List<OpinionRequestView> cases, int page, boolean hasNext) {

	public boolean hasPrevious() {
		return page > 0;
	}
}
