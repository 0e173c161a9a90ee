package org.consilium.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.records.DocumentView;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;

/**
 * The patient sends the delivered opinion to their treating physician, or to the case's referring physician (issue #12
 * item 4): a consent record for that physician ({@link Consents}) and a link that works once, for
 * {@link #VALIDITY}; the physician gets one e-mail with the link and, when they open it, a second with a one-time code
 * ({@link LinkReading}). Only the SHA-256 of the link's token is stored. Revoking the consent closes the link at its
 * next request.
 */
@Service
@Transactional
public class PhysicianLinks {

	/** Where the link points, below the base URL; the token follows. */
	public static final String LINK_PATH = "/shared/";

	/** How long a link, and the reading it opens, lasts. */
	public static final Duration VALIDITY = Duration.ofDays(14);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A link as the patient sees it on their sharing page. */
	public record LinkView(UUID id, UUID consentId, ConsentChoice recipient, String physicianName, String institution, String email,
			List<String> documentNames, Instant createdAt, Instant expiresAt, Instant openedAt, Instant lockedAt, boolean consentActive) {
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final Consents consents;

	private final RecordsManagement records;

	private final IdentityManagement identity;

	private final PhysicianMail mail;

	private final AuditLog audit;

	private final Clock clock;

	PhysicianLinks(JdbcClient jdbc, CaseAccess access, Consents consents, RecordsManagement records, IdentityManagement identity,
			PhysicianMail mail, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.consents = consents;
		this.records = records;
		this.identity = identity;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sends the opinion (and the ticked documents) to a physician: records their consent, stores the link and queues the
	 * e-mail with it. Audited as {@code sharing.link.send}.
	 * @return the link's id
	 * @throws org.consilium.shared.NotFoundException (404, audited as DENIED) for a case the actor cannot reach
	 * @throws ForbiddenActionException (403) for anyone but the case's patient
	 * @throws IllegalTransitionException (409) before the opinion is delivered
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422) for a blank name, an e-mail that does not
	 *         parse, a document not of this case, a referring physician the case does not have, or when e-mail is off
	 */
	public UUID send(Actor actor, CaseId caseId, SendToPhysician command) {
		AuditAction action = AuditAction.SHARING_LINK_SEND;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.id().equals(c.patientId())) {
			audit.denied(actor, action, caseId, "PhysicianLink", null);
			throw new ForbiddenActionException("Only the patient sends the opinion to their physicians.");
		}
		return audit.recordingFailures(actor, action, caseId, "PhysicianLink", () -> {
			if (!mail.delivers()) {
				throw new InvalidInputException("E-mail is not set up in this program, so a link cannot reach your physician. "
						+ "Download the opinion as PDF and give it to them instead.");
			}
			if (c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
				throw new IllegalTransitionException("The opinion can be sent once it has been delivered to you.");
			}
			Recipient to = recipient(c, command);
			Map<DocumentId, DocumentView> ofCase = records.records(actor, caseId).documents().stream()
				.filter(d -> !d.quarantined()).collect(Collectors.toMap(DocumentView::id, Function.identity()));
			List<DocumentId> chosen = command.documents() == null ? List.of() : command.documents().stream().sorted(
					java.util.Comparator.comparing(DocumentId::toString)).toList();
			if (!ofCase.keySet().containsAll(chosen)) {
				throw new InvalidInputException("Choose documents of this case only.");
			}
			UUID consentId = consents.grant(c, command.recipient(), to.name() + ", " + to.institution() + " <" + to.email() + ">");
			String token = newToken();
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			jdbc.sql("""
					INSERT INTO sharing.physician_link (id, case_id, consent_id, recipient, physician_name, institution, email, document_ids,
					  document_names, token_hash, created_at, expires_at, sent_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, caseId.value(), consentId, command.recipient().name(), to.name(), to.institution(), to.email(),
						chosen.stream().map(DocumentId::value).toArray(UUID[]::new),
						chosen.stream().map(d -> ofCase.get(d).fileName()).toArray(String[]::new), hash(token), Timestamp.from(now),
						Timestamp.from(now.plus(VALIDITY)), actor.id().value())
				.update();
			mail.sendLink(to.email(), LINK_PATH + token);
			audit.success(actor, action, caseId, "PhysicianLink", id);
			return id;
		});
	}

	/** The links of the case, newest first, for its patient (the caller has read the case's consents, which audits). */
	@Transactional(readOnly = true)
	public List<LinkView> links(Actor actor, CaseId caseId) {
		AccessibleCase c = access.requireAccess(actor, caseId, AuditAction.SHARING_CONSENT_READ);
		if (!actor.id().equals(c.patientId())) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, consent_id, recipient, physician_name, institution, email, document_names, created_at, expires_at, opened_at,
				  locked_at FROM sharing.physician_link WHERE case_id = ? ORDER BY created_at DESC""")
			.param(caseId.value())
			.query((rs, n) -> {
				UUID consentId = rs.getObject("consent_id", UUID.class);
				return new LinkView(rs.getObject("id", UUID.class), consentId, ConsentChoice.valueOf(rs.getString("recipient")),
						rs.getString("physician_name"), rs.getString("institution"), rs.getString("email"),
						List.of((String[]) rs.getArray("document_names").getArray()), instant(rs.getTimestamp("created_at")),
						instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("locked_at")),
						consents.isActive(consentId));
			})
			.list();
	}

	/** Whether the case has a referring physician the patient can send the opinion to. */
	@Transactional(readOnly = true)
	public boolean hasReferrer(Actor actor, CaseId caseId) {
		return access.requireAccess(actor, caseId, AuditAction.SHARING_CONSENT_READ).referrerId() != null;
	}

	private record Recipient(String name, String institution, String email) {
	}

	private Recipient recipient(AccessibleCase c, SendToPhysician command) {
		if (command.recipient() == ConsentChoice.REFERRING_PHYSICIAN) {
			UserView referrer = c.referrerId() == null ? null : identity.findUser(c.referrerId()).orElse(null);
			if (referrer == null) {
				throw new InvalidInputException("This case has no referring physician.");
			}
			return new Recipient(referrer.displayName(), "Referring physician", referrer.email());
		}
		if (command.recipient() != ConsentChoice.TREATING_PHYSICIAN) {
			throw new InvalidInputException("Send the opinion to your treating or your referring physician.");
		}
		String name = command.name() == null ? "" : command.name().strip();
		String institution = command.institution() == null ? "" : command.institution().strip();
		if (name.isEmpty() || name.length() > 200 || institution.length() > 200) {
			throw new InvalidInputException("Enter your physician's name (and institution), at most 200 characters each.");
		}
		return new Recipient(name, institution, checkedAddress(command.email()));
	}

	/**
	 * The address in lower case, when it parses as {@code local@domain.tld} within 254 characters (RFC 5321 section
	 * 4.5.3.1.3), as identity checks its own.
	 * @throws InvalidInputException otherwise, with the message the form shows on the field
	 */
	public static String checkedAddress(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (normalized.length() > 254 || !normalized.matches("[^@\\s]++@[^@\\s.]++(\\.[^@\\s.]++)+")) {
			throw new InvalidInputException("Enter a valid e-mail address, like name@hospital.org.");
		}
		return normalized;
	}

	/** 32 random bytes, base64url without padding (43 characters, 256 bits). */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** SHA-256 of the text, in hex: what is stored for a token or a code. */
	static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Instant instant(java.sql.Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
