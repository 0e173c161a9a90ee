package org.consilium.notification;

import java.util.List;

/** One page of a user's notices, newest first, and the user's unread count over all pages. */
public record NoticePage(List<NoticeView> notices, int page, boolean hasNext, long unread) {
}
