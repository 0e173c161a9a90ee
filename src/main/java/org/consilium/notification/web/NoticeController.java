package org.consilium.notification.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.consilium.notification.Notices;
import org.consilium.shared.Actor;

/**
 * The signed-in user's notices (paged, newest first, mark read), the header bell's unread count (loaded by htmx) and
 * the administrators' view of the e-mail outbox.
 */
@Controller
class NoticeController {

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/notices")
	String notices(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("pageOf", notices.page(Actor.current(), page));
		return "notification/notices";
	}

	/** The bell's label: "Notices" and the unread count, as a fragment for htmx. */
	@GetMapping("/notices/unread")
	String unread(Model model) {
		model.addAttribute("unread", notices.unreadCount(Actor.current()));
		return "notification/notices :: bell";
	}

	@PostMapping("/notices/{noticeId}/read")
	String markRead(@PathVariable UUID noticeId, @RequestParam(defaultValue = "0") int page) {
		notices.markRead(Actor.current(), noticeId);
		return "redirect:/notices?page=" + Math.max(0, page);
	}

	/** Follows a notice's link: it is read once opened (issue #12 item 6). A GET, as a link is; it changes only that. */
	@GetMapping("/notices/{noticeId}/open")
	String open(@PathVariable UUID noticeId) {
		return "redirect:" + notices.open(Actor.current(), noticeId);
	}

	@PostMapping("/notices/read-all")
	String markAllRead() {
		notices.markAllRead(Actor.current());
		return "redirect:/notices";
	}

	@GetMapping("/admin/notifications")
	String outbox(Model model) {
		model.addAttribute("entries", notices.outboxState(Actor.current()));
		model.addAttribute("mailEnabled", notices.mailEnabled());
		return "notification/outbox";
	}
}
