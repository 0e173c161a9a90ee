package org.consilium.shared;

/**
 * Page numbers of the paged lists ({@code ?page=}): counted from 0, at most {@link #MAX_PAGE}; a page past the end of a
 * list is refused rather than shown empty, so that a stale or made-up link says so (issue #11: {@code ?page=2147483647}
 * overflowed into a negative SQL {@code OFFSET} and answered 500).
 */
public final class Pages {

	/** The highest page number accepted: 10,000 pages of 50 rows are more than any list here holds. */
	public static final int MAX_PAGE = 10_000;

	private Pages() {
	}

	/**
	 * The offset of the first row of {@code page}, in rows.
	 *
	 * @throws PageOutOfRangeException (422, {@code page-out-of-range}) when {@code page} is negative or over {@link #MAX_PAGE}
	 */
	public static int offset(int page, int pageSize) {
		if (page < 0 || page > MAX_PAGE) {
			throw new PageOutOfRangeException("There is no page " + page + " of this list: pages are numbered from 0 to at most "
					+ MAX_PAGE + ".");
		}
		return page * pageSize;
	}

	/**
	 * Refuses a page after the first that holds no rows.
	 *
	 * @throws PageOutOfRangeException (422, {@code page-out-of-range}) when {@code page > 0} and {@code rowsOnPage} is 0
	 */
	public static void requireWithinList(int page, int rowsOnPage) {
		if (page > 0 && rowsOnPage == 0) {
			throw new PageOutOfRangeException("There is no page " + page + " of this list: it has fewer pages. Page 0 is"
					+ " the first.");
		}
	}
}
