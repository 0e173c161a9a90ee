package org.consilium.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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
import org.consilium.shared.UserId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The signed versions of each case's opinion in {@code opinion.signed_version}, each with its fingerprint: the
 * SHA-256 (lower-case hex) of the canonical JSON (RFC 8785, <a href="https://www.rfc-editor.org/rfc/rfc8785">JSON
 * Canonicalization Scheme</a>) of what was signed. Version 1, the signed {@link WrittenOpinionView}, is recorded when the
 * case moves to OPINION_SIGNED, in the signing transaction (an event consumer of {@link OpinionRequestStatusChanged}); the
 * signed opinion is frozen in the database, so the same version always gives the same fingerprint.
 *
 * <p>Each {@link Addendum} signs the next version (2, 3, ...): the signed opinion plus every addendum up to that version,
 * fingerprinted as the canonical JSON of {@code {"opinion": <signed opinion>, "addenda": [<addenda in version order>]}}.
 * Addenda are stored here too ({@code opinion.addendum}), insert-only.
 */
@Component
class SignedVersions {

	/** One signed version: its number (1 at signing, then one per addendum), fingerprint and time of signing. */
	record SignedVersion(CaseId caseId, int version, String fingerprint, Instant signedAt) {
	}

	/** What version 2 or later fingerprints: the signed opinion and the addenda up to that version. */
	record VersionContent(WrittenOpinionView opinion, List<Addendum> addenda) {
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

	/**
	 * Stores the addendum and records the version it signs ({@link Addendum#version()}: the case's current version plus
	 * one; the caller holds the case's lock) with its fingerprint.
	 * @throws org.springframework.dao.DuplicateKeyException when that version exists already
	 */
	SignedVersion recordAddendum(WrittenOpinionView signed, Addendum addendum) {
		jdbc.sql("INSERT INTO opinion.addendum (id, case_id, version, text, reason, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(addendum.id(), addendum.caseId().value(), addendum.version(), addendum.text(), addendum.reason(),
					addendum.writtenBy().value(), Timestamp.from(addendum.writtenAt()))
			.update();
		String fingerprint = fingerprint(signed, addenda(signed.caseId(), addendum.version()));
		jdbc.sql("INSERT INTO opinion.signed_version (case_id, version, fingerprint, signed_at, recorded_at) VALUES (?, ?, ?, ?, ?)")
			.params(signed.caseId().value(), addendum.version(), fingerprint, Timestamp.from(addendum.writtenAt()),
					Timestamp.from(clock.instant()))
			.update();
		audit.success(Actor.SYSTEM, AuditAction.OPINION_FINGERPRINT, signed.caseId(), "Addendum", addendum.id());
		return version(signed.caseId(), addendum.version()).orElseThrow();
	}

	/** The case's addenda up to and including {@code version}, in version order (none for version 1). */
	List<Addendum> addenda(CaseId caseId, int version) {
		return jdbc.sql("""
				SELECT id, case_id, version, text, reason, written_by, written_at FROM opinion.addendum
				WHERE case_id = ? AND version <= ? ORDER BY version""")
			.params(caseId.value(), version)
			.query((rs, n) -> new Addendum(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
					rs.getInt("version"), rs.getString("text"), rs.getString("reason"), new UserId(rs.getObject("written_by", UUID.class)),
					rs.getTimestamp("written_at").toInstant()))
			.list();
	}

	/** Version {@code version} of the case's opinion, if signed. */
	Optional<SignedVersion> version(CaseId caseId, int version) {
		return jdbc.sql("SELECT case_id, version, fingerprint, signed_at FROM opinion.signed_version WHERE case_id = ? AND version = ?")
			.params(caseId.value(), version).query((rs, n) -> row(rs)).optional();
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

	/** SHA-256 of the RFC 8785 canonical JSON of the signed opinion (version 1), as 64 lower-case hex digits. */
	String fingerprint(WrittenOpinionView signed) {
		return sha256(signed);
	}

	/** The fingerprint of the version made of {@code signed} and {@code addenda} (version 1's when there are none). */
	String fingerprint(WrittenOpinionView signed, List<Addendum> addenda) {
		return addenda.isEmpty() ? sha256(signed) : sha256(new VersionContent(signed, addenda));
	}

	private String sha256(Object value) {
		try {
			String canonical = new JsonCanonicalizer(json.writeValueAsString(value)).getEncodedString();
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
