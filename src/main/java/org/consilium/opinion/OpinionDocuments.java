package org.consilium.opinion;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientDetails;
import org.consilium.review.ReviewManagement;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;

/**
 * The opinion as a document that leaves the program: the PDF of each signed version, and the check of a document's
 * fingerprint by someone signed in with access to the case ({@link DocumentChecks} for everyone else).
 *
 * <p>Every page of the PDF names the patient (name and birth date), the signing time (UTC), the opinion's version and
 * the page number; the first page prints the signed version's fingerprint ({@link SignedVersions}). The patient's (and
 * referrer's) PDF starts with the plain-language summary; everyone else's ends with it.
 */
@Service
@Transactional
public class OpinionDocuments {

	/** Where the verification page is, as printed on the PDF. */
	public static final String VERIFY_PATH = "/opinions/verify";

	private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH);

	private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private final CaseAccess access;

	private final CaseQueries queries;

	private final ReviewManagement review;

	private final SignedVersions versions;

	private final OpinionPdfRenderer renderer;

	private final AuditLog audit;

	OpinionDocuments(CaseAccess access, CaseQueries queries, ReviewManagement review, SignedVersions versions, OpinionPdfRenderer renderer,
			AuditLog audit) {
		this.access = access;
		this.queries = queries;
		this.review = review;
		this.versions = versions;
		this.renderer = renderer;
		this.audit = audit;
	}

	/** A signed version of the opinion as a document: what it holds, its fingerprint and its PDF. */
	public record SignedDocument(WrittenOpinionView opinion, int version, int currentVersion, String fingerprint, Instant signedAt,
			List<Addendum> addenda, byte[] pdf) {
	}

	/**
	 * The current signed version as PDF/A-2u and PDF/UA-1, audited as {@code opinion.pdf.download}.
	 * @throws NotFoundException (404, audited as DENIED) when the actor has no relation to the case
	 * @throws OpinionNotSignedException (problem type {@code opinion-not-signed}, 409) while the opinion is unsigned, or
	 *         not yet released to the patient's side
	 */
	public byte[] pdf(Actor actor, CaseId caseId) {
		return document(actor, caseId, null).pdf();
	}

	/**
	 * Signed version {@code version} (null = the current one; 1 = as signed, 2 and later with the addenda up to it) with
	 * its PDF, audited as {@code opinion.pdf.download}, and an earlier version also as {@code opinion.version.read}.
	 * @throws NotFoundException (404) when the actor has no relation to the case (audited as DENIED) or there is no such
	 *         version
	 * @throws OpinionNotSignedException (problem type {@code opinion-not-signed}, 409) while the opinion is unsigned, or
	 *         not yet released to the patient's side
	 */
	public SignedDocument document(Actor actor, CaseId caseId, Integer version) {
		AuditAction action = AuditAction.OPINION_PDF_DOWNLOAD;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		return audit.recordingFailures(actor, action, caseId, "WrittenOpinion", () -> {
			WrittenOpinionView o = review.signedOpinion(actor, caseId).orElseThrow(OpinionNotSignedException::new);
			SignedVersions.SignedVersion current = versions.current(caseId).orElseGet(() -> versions.record(o));
			SignedVersions.SignedVersion shown = version == null ? current
					: versions.version(caseId, version).orElseThrow(NotFoundException::new);
			List<Addendum> addenda = versions.addenda(caseId, shown.version());
			byte[] pdf = renderer.pdf(model(queries.view(c), o, shown, addenda, c.actsForPatient()));
			String recordType = addenda.isEmpty() ? "WrittenOpinion" : "Addendum";
			UUID recordId = addenda.isEmpty() ? o.id() : addenda.get(addenda.size() - 1).id();
			audit.success(actor, action, caseId, recordType, recordId);
			if (shown.version() != current.version()) {
				audit.success(actor, AuditAction.OPINION_VERSION_READ, caseId, recordType, recordId);
			}
			return new SignedDocument(o, shown.version(), current.version(), shown.fingerprint(), shown.signedAt(), addenda, pdf);
		});
	}

	/** The model of template {@code opinion/pdf}. */
	static Map<String, Object> model(OpinionRequestView c, WrittenOpinionView o, SignedVersions.SignedVersion version, List<Addendum> addenda,
			boolean summaryFirst) {
		PatientDetails p = c.patient() == null ? PatientDetails.none() : c.patient();
		Map<String, Object> model = new HashMap<>();
		model.put("c", c);
		model.put("o", o);
		model.put("qas", new DeliveredOpinionView(c, o, List.of(), null, false, false, false).questionsAndAnswers());
		model.put("summaryFirst", summaryFirst);
		model.put("patientName", p.name().isEmpty() ? "(name not recorded)" : p.name());
		model.put("birthDate", p.birthDate() == null ? "(birth date not recorded)" : BORN.format(p.birthDate()));
		model.put("signedAt", SIGNED.format(version.signedAt().atZone(ZoneOffset.UTC)));
		model.put("firstSignedAt", SIGNED.format(o.signedAt().atZone(ZoneOffset.UTC)));
		model.put("version", version.version());
		model.put("addenda", addenda);
		model.put("fingerprint", version.fingerprint());
		model.put("verifyAt", VERIFY_PATH);
		model.put("lang", "en");
		return model;
	}

	/** What the verification page says about a fingerprint. */
	public enum Verdict {
		/** The fingerprint is the case's current signed version. */
		CURRENT,
		/** A signed version of the case, but a later one exists. */
		SUPERSEDED,
		/** No signed version has this fingerprint: not a document of this program. */
		NOT_OURS
	}

	/**
	 * The verdict, with the version, case, signing time and the case's current version when the fingerprint is known (all
	 * null for {@link Verdict#NOT_OURS}).
	 */
	public record Verification(Verdict verdict, Integer version, CaseId caseId, Instant signedAt, Integer currentVersion) {

		static Verification notOurs() {
			return new Verification(Verdict.NOT_OURS, null, null, null, null);
		}
	}

	/**
	 * Whether {@code fingerprint} (64 hex digits; spaces and case ignored) is the current signed version of an opinion,
	 * for someone signed in.
	 * A fingerprint that matches nothing is {@link Verdict#NOT_OURS}; one of a case the actor has no relation to is a
	 * 404 like any such case. Audited as {@code opinion.verify} when it names a case.
	 * @throws NotFoundException (404, audited as DENIED) for a known fingerprint of a case the actor cannot reach
	 */
	public Verification verify(Actor actor, String fingerprint) {
		Optional<SignedVersions.SignedVersion> found = normalizedFingerprint(fingerprint).flatMap(versions::byFingerprint);
		if (found.isEmpty()) {
			return Verification.notOurs();
		}
		access.requireAccess(actor, found.get().caseId(), AuditAction.OPINION_VERIFY);
		audit.success(actor, AuditAction.OPINION_VERIFY, found.get().caseId(), "SignedVersion", null);
		return verdict(found.get());
	}

	/** The verdict on a known signed version: current, or superseded by the case's latest version. */
	Verification verdict(SignedVersions.SignedVersion v) {
		int current = versions.current(v.caseId()).map(SignedVersions.SignedVersion::version).orElse(v.version());
		return new Verification(current == v.version() ? Verdict.CURRENT : Verdict.SUPERSEDED, v.version(), v.caseId(), v.signedAt(), current);
	}

	/** The fingerprint as typed: white space removed, lower case; empty when it is not 64 hex digits. */
	static Optional<String> normalizedFingerprint(String fingerprint) {
		String f = fingerprint == null ? "" : fingerprint.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
		return f.matches("[0-9a-f]{64}") ? Optional.of(f) : Optional.empty();
	}
}
