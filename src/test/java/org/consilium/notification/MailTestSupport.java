package org.consilium.notification;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import org.consilium.OutsideServices;
import org.consilium.OutsideServicesIntegrationTest;

/**
 * The application with e-mail on, against a real SMTP server (GreenMail) on the loopback port of
 * {@link OutsideServices}, and a clock tests move. All notification tests extend this; they share one context with the
 * other {@link OutsideServicesIntegrationTest}s.
 */
@OutsideServicesIntegrationTest
public abstract class MailTestSupport {

	static final int SMTP_PORT = OutsideServices.SMTP_PORT;

	static GreenMail smtp = startSmtp();

	@Autowired
	protected MutableClock clock;

	@Autowired
	private OutboxSender outboxSender;

	/** Sends every outbox e-mail that is due, as the scheduled sender would. */
	protected void sendAllDue() {
		while (outboxSender.sendDue() > 0) {
			// send everything due
		}
	}

	static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	@BeforeEach
	protected void smtpRunsAndIsEmpty() throws Exception {
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterAll
	static void keepServerForNextClass() {
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
	}

	/** Messages received for one address. */
	protected static List<MimeMessage> receivedBy(String address) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
				found.add(m);
			}
		}
		return found;
	}

	/** Everything a reader of the message can see: decoded subject, every header decoded, the decoded body, and the raw MIME. */
	protected static String everything(MimeMessage m) throws Exception {
		StringBuilder text = new StringBuilder();
		text.append(m.getSubject()).append('\n');
		for (Header h : Collections.list(m.getAllHeaders())) {
			text.append(h.getName()).append(": ").append(MimeUtility.decodeText(h.getValue())).append('\n');
		}
		text.append(m.getContent()).append('\n');
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		m.writeTo(raw);
		return text.append(raw.toString(java.nio.charset.StandardCharsets.UTF_8)).toString();
	}
}
