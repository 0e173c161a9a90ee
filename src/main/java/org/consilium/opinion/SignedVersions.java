package org.consilium.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestStatusChanged;
import org.consilium.review.ReviewManagement;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The signed versions of each case's opinion in {@code opinion.signed_version}, each with its fingerprint: the
 * SHA-256 (lower-case hex) of the canonical JSON (RFC 8785, <a href="https://www.rfc-editor.org/rfc/rfc8785">JSON
 * Canonicalization Scheme</a>) of the signed {@link WrittenOpinionView}. The fingerprint is recorded when the case
 * moves to OPINION_SIGNED, in the signing transaction (an event consumer of {@link OpinionRequestStatusChanged}); the
 * signed opinion is frozen in the database, so the same version always gives the same fingerprint.
 */
@Component
class SignedVersions {

	/** One signed version: its number (1 at signing) and fingerprint. */
	record SignedVersion(CaseId caseId, int version, String fingerprint, java.time.Instant signedAt) {
	}

	private final JdbcClient jdbc;

	private final ReviewManagement review;

	private final AuditLog audit;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	SignedVersions(JdbcClient jdbc, ReviewManagement review, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.review = review;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	void on(OpinionRequestStatusChanged event) {
		if (event.to() == OpinionRequestStatus.OPINION_SIGNED) {
			review.signedVersionForSystem(event.opinionRequestId()).ifPresent(this::record);
		}
	}

	/** Records the signed opinion as the case's first version unless it is recorded; returns the stored version. */
	SignedVersion record(WrittenOpinionView signed) {
		String fingerprint = fingerprint(signed);
		int inserted = jdbc.sql("""
				INSERT INTO opinion.signed_version (case_id, version, fingerprint, signed_at, recorded_at) VALUES (?, 1, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(signed.caseId().value(), fingerprint, Timestamp.from(signed.signedAt()), Timestamp.from(clock.instant())).update();
		if (inserted == 1) {
			audit.success(Actor.SYSTEM, AuditAction.OPINION_FINGERPRINT, signed.caseId(), "WrittenOpinion", signed.id());
		}
		return current(signed.caseId()).orElseThrow();
	}

	/** The case's latest signed version, if recorded. */
	Optional<SignedVersion> current(CaseId caseId) {
		return jdbc.sql("SELECT case_id, version, fingerprint, signed_at FROM opinion.signed_version WHERE case_id = ? ORDER BY version DESC LIMIT 1")
			.param(caseId.value()).query((rs, n) -> row(rs)).optional();
	}

	/** The signed version with this fingerprint (64 lower-case hex digits), if any. */
	Optional<SignedVersion> byFingerprint(String fingerprint) {
		return jdbc.sql("SELECT case_id, version, fingerprint, signed_at FROM opinion.signed_version WHERE fingerprint = ?")
			.param(fingerprint).query((rs, n) -> row(rs)).optional();
	}

	/** SHA-256 of the RFC 8785 canonical JSON of the signed opinion, as 64 lower-case hex digits. */
	String fingerprint(WrittenOpinionView signed) {
		try {
			String canonical = new JsonCanonicalizer(json.writeValueAsString(signed)).getEncodedString();
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.io.IOException | NoSuchAlgorithmException e) {
			throw new IllegalStateException("Cannot fingerprint the signed opinion", e);
		}
	}

	private static SignedVersion row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SignedVersion(new CaseId(rs.getObject("case_id", UUID.class)), rs.getInt("version"), rs.getString("fingerprint"),
				rs.getTimestamp("signed_at").toInstant());
	}
}
