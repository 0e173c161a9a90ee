package org.consilium.shared;

import org.springframework.http.HttpStatus;

/**
 * Problem type {@code page-out-of-range}, HTTP 422: a paged list was asked for a page it does not have (a negative
 * number, one over {@link Pages#MAX_PAGE}, or one past the end). Pages show the message on the error page with a link
 * back to the list's first page; nothing was read or changed.
 */
public class PageOutOfRangeException extends ConsiliumProblem {

	public PageOutOfRangeException(String message) {
		super("page-out-of-range", HttpStatus.UNPROCESSABLE_CONTENT, message);
	}
}
