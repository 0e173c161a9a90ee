package org.consilium.sharing;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.ExternalReaders;
import org.consilium.opinion.OpinionDocuments;
import org.consilium.records.DocumentContent;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

/**
 * The physician's side of a link ({@link PhysicianLinks}): opening it sends a one-time code in a second e-mail; the
 * right code spends the link (it cannot be opened again) and opens a reading bound to the caller's browser session for
 * the link's lifetime; {@value #MAX_ATTEMPTS} wrong codes lock it. The reader is an {@link Actor#externalReader} whose
 * every read goes through {@link CaseAccess}, which asks {@link #allows} each time: a revoked consent, an expired link
 * or a lock refuse the next request, audited as DENIED. Only the signed opinion's PDF and the documents the patient
 * ticked can be read, nothing else.
 */
@Service
@Transactional
public class LinkReading implements ExternalReaders {

	/** Wrong codes that lock the link. */
	public static final int MAX_ATTEMPTS = 5;

	/** Digits of the one-time code. */
	public static final int CODE_DIGITS = 6;

	/** How long a code can be entered; opening the link after that sends a new one. */
	static final Duration CODE_VALIDITY = Duration.ofMinutes(15);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What a reading may do: its page, the opinion and its PDF, the ticked documents (checked before opening). */
	private static final java.util.Set<AuditAction> READER_ACTIONS = java.util.EnumSet.of(AuditAction.SHARING_LINK_READ,
			AuditAction.OPINION_PDF_DOWNLOAD, AuditAction.OPINION_READ, AuditAction.CASE_READ, AuditAction.RECORDS_DOCUMENT_READ);

	/** Why a link shows nothing. */
	public enum Refusal {
		/** No link has this token. */
		UNKNOWN,
		/** The code was entered already: the link worked once. */
		USED,
		EXPIRED,
		/** The patient withdrew their consent. */
		REVOKED,
		/** Too many wrong codes. */
		LOCKED
	}

	/** The state of a link being opened: empty {@code refusal} means a code was sent and can be entered. */
	public record Opening(Optional<Refusal> refusal, int attemptsLeft) {
	}

	/** The outcome of a code: the reading's id (the link's) when right, else the refusal or the attempts left. */
	public record CodeOutcome(Optional<UUID> reading, Optional<Refusal> refusal, int attemptsLeft) {
	}

	/** What the physician's page shows: who it is for and the documents besides the opinion. */
	public record SharedView(String physicianName, Instant expiresAt, List<SharedDocument> documents) {
	}

	/** A document the patient ticked. */
	public record SharedDocument(DocumentId id, String fileName) {
	}

	private record Link(UUID id, CaseId caseId, UUID consentId, ConsentChoice recipient, String name, String email, List<UUID> documentIds,
			List<String> documentNames, String codeHash, Instant codeExpiresAt, int failedAttempts, Instant expiresAt, Instant openedAt,
			Instant lockedAt) {

		Actor reader() {
			return Actor.externalReader(id, name);
		}
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final Consents consents;

	private final OpinionDocuments opinions;

	private final RecordsManagement records;

	private final PhysicianMail mail;

	private final AuditLog audit;

	private final Clock clock;

	LinkReading(JdbcClient jdbc, CaseAccess access, Consents consents, OpinionDocuments opinions, RecordsManagement records,
			PhysicianMail mail, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.consents = consents;
		this.opinions = opinions;
		this.records = records;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens a link by its token: when it can still be used, sends the one-time code (a new one when none is pending) and
	 * audits {@code sharing.link.open}; otherwise says why not and audits the refusal as DENIED.
	 */
	public Opening open(String token) {
		Optional<Link> found = byToken(token);
		Optional<Refusal> refusal = refusal(found);
		if (refusal.isPresent()) {
			deny(found, AuditAction.SHARING_LINK_OPEN);
			return new Opening(refusal, 0);
		}
		Link link = found.get();
		Instant now = clock.instant();
		if (link.codeHash() == null || !now.isBefore(link.codeExpiresAt())) {
			String code = newCode();
			jdbc.sql("UPDATE sharing.physician_link SET code_hash = ?, code_expires_at = ? WHERE id = ?")
				.params(codeHash(link.id(), code), Timestamp.from(now.plus(CODE_VALIDITY)), link.id()).update();
			mail.sendCode(link.email(), code);
		}
		audit.success(link.reader(), AuditAction.SHARING_LINK_OPEN, link.caseId(), "PhysicianLink", link.id());
		return new Opening(Optional.empty(), MAX_ATTEMPTS - link.failedAttempts());
	}

	/**
	 * Checks the one-time code of a link (spaces ignored). Right: the link is spent and its reading opens (audited
	 * SUCCESS). Wrong: one attempt fewer (audited FAILED), the {@value #MAX_ATTEMPTS}th locks the link. A link that cannot
	 * be used, or a code that has expired, is refused (audited DENIED).
	 */
	public CodeOutcome enterCode(String token, String code) {
		Optional<Link> found = byToken(token);
		Optional<Refusal> refusal = refusal(found);
		if (refusal.isPresent() || found.get().codeHash() == null) {
			deny(found, AuditAction.SHARING_LINK_CODE);
			return new CodeOutcome(Optional.empty(), refusal.or(() -> Optional.of(Refusal.UNKNOWN)), 0);
		}
		Link link = found.get();
		String typed = code == null ? "" : code.replaceAll("\\s", "");
		boolean right = clock.instant().isBefore(link.codeExpiresAt()) && MessageDigest.isEqual(
				codeHash(link.id(), typed).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				link.codeHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		if (!right) {
			int attempts = link.failedAttempts() + 1;
			jdbc.sql("UPDATE sharing.physician_link SET failed_attempts = ?, locked_at = ? WHERE id = ?")
				.params(attempts, attempts >= MAX_ATTEMPTS ? Timestamp.from(clock.instant()) : null, link.id()).update();
			audit.failed(link.reader(), AuditAction.SHARING_LINK_CODE, link.caseId(), "PhysicianLink", link.id());
			return new CodeOutcome(Optional.empty(), attempts >= MAX_ATTEMPTS ? Optional.of(Refusal.LOCKED) : Optional.empty(),
					MAX_ATTEMPTS - attempts);
		}
		jdbc.sql("UPDATE sharing.physician_link SET opened_at = ?, code_hash = NULL WHERE id = ?")
			.params(Timestamp.from(clock.instant()), link.id()).update();
		audit.success(link.reader(), AuditAction.SHARING_LINK_CODE, link.caseId(), "PhysicianLink", link.id());
		return new CodeOutcome(Optional.of(link.id()), Optional.empty(), 0);
	}

	/**
	 * The physician's page of an open reading; audited as {@code sharing.link.read}.
	 * @throws NotFoundException (404, audited as DENIED) when the reading is no longer allowed (expired, revoked)
	 */
	public SharedView read(UUID reading) {
		Link link = reading(reading);
		access.requireAccess(link.reader(), link.caseId(), AuditAction.SHARING_LINK_READ);
		List<SharedDocument> documents = new java.util.ArrayList<>();
		for (int i = 0; i < link.documentIds().size(); i++) {
			documents.add(new SharedDocument(new DocumentId(link.documentIds().get(i)), link.documentNames().get(i)));
		}
		audit.success(link.reader(), AuditAction.SHARING_LINK_READ, link.caseId(), "PhysicianLink", link.id());
		return new SharedView(link.name(), link.expiresAt(), documents);
	}

	/**
	 * The signed opinion's PDF for the reading ({@link OpinionDocuments#pdf}, audited there).
	 * @throws NotFoundException (404, audited as DENIED) when the reading is no longer allowed
	 */
	public byte[] pdf(UUID reading) {
		Link link = reading(reading);
		return opinions.pdf(link.reader(), link.caseId());
	}

	/**
	 * A document the patient ticked ({@link RecordsManagement#openDocument}, audited there); the caller closes the stream.
	 * @throws NotFoundException (404, audited as DENIED) for any other document, or when the reading is no longer allowed
	 */
	public DocumentContent document(UUID reading, DocumentId documentId) {
		Link link = reading(reading);
		if (!link.documentIds().contains(documentId.value())) {
			audit.denied(link.reader(), AuditAction.RECORDS_DOCUMENT_READ, link.caseId(), "Document", documentId.value());
			throw new NotFoundException();
		}
		return records.openDocument(link.reader(), link.caseId(), documentId);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean allows(Actor reader, CaseId caseId, AuditAction action) {
		// CASE_READ: the PDF's running header reads the case (patient's name and birth date), as on the opinion itself
		if (!READER_ACTIONS.contains(action)) {
			return false;
		}
		return byId(reader.id().value()).filter(l -> l.caseId().equals(caseId) && l.openedAt() != null).map(this::refusalOfOpened)
			.map(Optional::isEmpty).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> describe(UserId reader) {
		return byId(reader.value()).map(l -> l.name() + " ("
				+ (l.recipient() == ConsentChoice.REFERRING_PHYSICIAN ? "referring" : "treating") + " physician, by link)");
	}

	private Link reading(UUID reading) {
		return byId(reading).orElseThrow(NotFoundException::new);
	}

	/** Why an unopened link cannot be used now, if it cannot. */
	private Optional<Refusal> refusal(Optional<Link> found) {
		if (found.isEmpty()) {
			return Optional.of(Refusal.UNKNOWN);
		}
		if (found.get().openedAt() != null) {
			return Optional.of(Refusal.USED);
		}
		return refusalOfOpened(found.get());
	}

	private Optional<Refusal> refusalOfOpened(Link link) {
		if (link.lockedAt() != null) {
			return Optional.of(Refusal.LOCKED);
		}
		if (!clock.instant().isBefore(link.expiresAt())) {
			return Optional.of(Refusal.EXPIRED);
		}
		if (!consents.isActive(link.consentId())) {
			return Optional.of(Refusal.REVOKED);
		}
		return Optional.empty();
	}

	private void deny(Optional<Link> found, AuditAction action) {
		if (found.isPresent()) {
			audit.denied(found.get().reader(), action, found.get().caseId(), "PhysicianLink", found.get().id());
		}
		else {
			audit.denied(Actor.ANONYMOUS, action, null, "PhysicianLink", null);
		}
	}

	private Optional<Link> byToken(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return find("token_hash = ?", PhysicianLinks.hash(token));
	}

	private Optional<Link> byId(UUID id) {
		return find("id = ?", id);
	}

	private Optional<Link> find(String where, Object value) {
		return jdbc.sql("""
				SELECT id, case_id, consent_id, recipient, physician_name, email, document_ids, document_names, code_hash, code_expires_at,
				  failed_attempts, expires_at, opened_at, locked_at FROM sharing.physician_link WHERE """ + " " + where)
			.param(value)
			.query((rs, n) -> new Link(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
					rs.getObject("consent_id", UUID.class), ConsentChoice.valueOf(rs.getString("recipient")), rs.getString("physician_name"),
					rs.getString("email"), List.of((UUID[]) rs.getArray("document_ids").getArray()),
					List.of((String[]) rs.getArray("document_names").getArray()), rs.getString("code_hash"), instant(rs.getTimestamp("code_expires_at")),
					rs.getInt("failed_attempts"), instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("opened_at")),
					instant(rs.getTimestamp("locked_at"))))
			.optional();
	}

	private static String codeHash(UUID linkId, String code) {
		return PhysicianLinks.hash(linkId + ":" + code);
	}

	private static String newCode() {
		return String.format("%0" + CODE_DIGITS + "d", RANDOM.nextInt((int) Math.pow(10, CODE_DIGITS)));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
