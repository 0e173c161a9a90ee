package org.consilium.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.NotFoundException;

/**
 * Checking a document of the opinion without signing in: whoever holds the PDF (its fingerprint) and the case's code
 * (which the patient makes on the opinion page and passes on with the document) learns whether it is the current signed
 * version, an earlier one ("superseded by version n"), or not a document of this program.
 *
 * <p>The code is {@value #CODE_LENGTH} characters from a 31-letter alphabet without look-alikes (about 59 bits), shown
 * once; only its SHA-256, salted with the case id, is kept ({@code opinion.verification_code}); a new code replaces the
 * old one. An unknown fingerprint and a wrong code get the same answer, so a check tells nothing about a case to someone
 * without its code. Limits, per rolling hour: {@value #MAX_CHECKS_PER_ORIGIN} checks per origin (the client address,
 * kept only as a SHA-256) and {@value #MAX_WRONG_CODES_PER_CASE} wrong codes per case; beyond them
 * {@link TooManyChecksException} (429). Every check that names a case is audited against it, with an anonymous actor.
 */
@Service
@Transactional
public class DocumentChecks {

	static final int CODE_LENGTH = 12;

	static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	static final int MAX_CHECKS_PER_ORIGIN = 20;

	static final int MAX_WRONG_CODES_PER_CASE = 5;

	static final Duration WINDOW = Duration.ofHours(1);

	private final SecureRandom random = new SecureRandom();

	private final CaseAccess access;

	private final SignedVersions versions;

	private final OpinionDocuments documents;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	DocumentChecks(CaseAccess access, SignedVersions versions, OpinionDocuments documents, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.access = access;
		this.versions = versions;
		this.documents = documents;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Makes the case's code for checking its documents, replacing any earlier one, and returns it (formatted as three
	 * groups of four, e.g. {@code K7QX-M2PA-9RTE}); it is not stored and cannot be shown again. Audited as
	 * {@code opinion.verification-code}.
	 * @throws NotFoundException (404, audited as DENIED) when the actor has no relation to the case
	 * @throws ForbiddenActionException (403) for anyone but the patient or the referring physician who acts for them
	 * @throws IllegalTransitionException (409) before the opinion is delivered
	 */
	public String newCode(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.OPINION_VERIFICATION_CODE;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!c.actsForPatient()) {
			throw new ForbiddenActionException("Only the patient or their referring physician can make the code.");
		}
		if (c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
			throw new IllegalTransitionException("The code can be made once the opinion is delivered.");
		}
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < CODE_LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		jdbc.sql("""
				INSERT INTO opinion.verification_code (case_id, code_hash, created_by, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (case_id) DO UPDATE SET code_hash = excluded.code_hash, created_by = excluded.created_by,
				  created_at = excluded.created_at""")
			.params(caseId.value(), hash(caseId, code.toString()), actor.id().value(), Timestamp.from(clock.instant())).update();
		audit.success(actor, action, caseId, "VerificationCode", caseId.value());
		return code.toString();
	}

	/**
	 * Checks a document by its fingerprint and the case's code, for someone not signed in. An unknown fingerprint and a
	 * wrong code both give {@link OpinionDocuments.Verdict#NOT_OURS}; the verdict never carries the case id.
	 * @param origin the client's address (counted for the limit, stored only as a SHA-256)
	 * @throws TooManyChecksException (problem type {@code too-many-checks}, 429) beyond the limits of the last hour
	 */
	public OpinionDocuments.Verification check(String fingerprint, String code, String origin) {
		Instant now = clock.instant();
		String originHash = sha256("origin:" + origin);
		long fromOrigin = jdbc.sql("SELECT count(*) FROM opinion.verification_attempt WHERE origin_hash = ? AND attempted_at > ?")
			.params(originHash, Timestamp.from(now.minus(WINDOW))).query(Long.class).single();
		if (fromOrigin >= MAX_CHECKS_PER_ORIGIN) {
			throw new TooManyChecksException();
		}
		Optional<SignedVersions.SignedVersion> found = OpinionDocuments.normalizedFingerprint(fingerprint).flatMap(versions::byFingerprint);
		if (found.isEmpty()) {
			attempt(originHash, null, false, now);
			return OpinionDocuments.Verification.notOurs();
		}
		CaseId caseId = found.get().caseId();
		long wrong = jdbc.sql("""
				SELECT count(*) FROM opinion.verification_attempt WHERE case_id = ? AND NOT succeeded AND attempted_at > ?""")
			.params(caseId.value(), Timestamp.from(now.minus(WINDOW))).query(Long.class).single();
		if (wrong >= MAX_WRONG_CODES_PER_CASE) {
			audit.denied(Actor.ANONYMOUS, AuditAction.OPINION_VERIFY_WITH_CODE, caseId, "SignedVersion", null);
			throw new TooManyChecksException();
		}
		String stored = jdbc.sql("SELECT code_hash FROM opinion.verification_code WHERE case_id = ?").param(caseId.value())
			.query(String.class).optional().orElse(null);
		boolean right = stored != null && code != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
				hash(caseId, code).getBytes(StandardCharsets.US_ASCII));
		attempt(originHash, caseId, right, now);
		if (!right) {
			audit.failed(Actor.ANONYMOUS, AuditAction.OPINION_VERIFY_WITH_CODE, caseId, "SignedVersion", null);
			return OpinionDocuments.Verification.notOurs();
		}
		audit.success(Actor.ANONYMOUS, AuditAction.OPINION_VERIFY_WITH_CODE, caseId, "SignedVersion", null);
		OpinionDocuments.Verification v = documents.verdict(found.get());
		return new OpinionDocuments.Verification(v.verdict(), v.version(), null, v.signedAt(), v.currentVersion());
	}

	private void attempt(String originHash, CaseId caseId, boolean succeeded, Instant at) {
		jdbc.sql("INSERT INTO opinion.verification_attempt (id, origin_hash, case_id, succeeded, attempted_at) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), originHash, CaseId.valueOrNull(caseId), succeeded, Timestamp.from(at)).update();
	}

	/** The stored form of a code: SHA-256 of the case id and the code without separators, in upper case. */
	static String hash(CaseId caseId, String code) {
		String normal = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return sha256("code:" + caseId.value() + ":" + normal);
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
