package org.consilium.opinion;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * The opinion as a document that leaves the program: its PDF, and the check of a document's fingerprint.
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

	/**
	 * The signed opinion as PDF/A-2u and PDF/UA-1, audited as {@code opinion.pdf.download}.
	 * @throws NotFoundException (404, audited as DENIED) when the actor has no relation to the case
	 * @throws OpinionNotSignedException (problem type {@code opinion-not-signed}, 409) while the opinion is unsigned, or
	 *         not yet released to the patient's side
	 */
	public byte[] pdf(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.OPINION_PDF_DOWNLOAD;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		return audit.recordingFailures(actor, action, caseId, "WrittenOpinion", () -> {
			WrittenOpinionView o = review.signedOpinion(actor, caseId).orElseThrow(OpinionNotSignedException::new);
			SignedVersions.SignedVersion version = versions.current(caseId).orElseGet(() -> versions.record(o));
			byte[] pdf = renderer.pdf(model(queries.view(c), o, version, c.actsForPatient()));
			audit.success(actor, action, caseId, "WrittenOpinion", o.id());
			return pdf;
		});
	}

	/** The model of template {@code opinion/pdf}. */
	static Map<String, Object> model(OpinionRequestView c, WrittenOpinionView o, SignedVersions.SignedVersion version, boolean summaryFirst) {
		PatientDetails p = c.patient() == null ? PatientDetails.none() : c.patient();
		Map<String, Object> model = new HashMap<>();
		model.put("c", c);
		model.put("o", o);
		model.put("qas", new DeliveredOpinionView(c, o, List.of(), null, false, false, false).questionsAndAnswers());
		model.put("summaryFirst", summaryFirst);
		model.put("patientName", p.name().isEmpty() ? "(name not recorded)" : p.name());
		model.put("birthDate", p.birthDate() == null ? "(birth date not recorded)" : BORN.format(p.birthDate()));
		model.put("signedAt", SIGNED.format(o.signedAt().atZone(ZoneOffset.UTC)));
		model.put("version", version.version());
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

	/** The verdict, with the version and case when the fingerprint is known. */
	public record Verification(Verdict verdict, Integer version, CaseId caseId, java.time.Instant signedAt) {
	}

	/**
	 * Whether {@code fingerprint} (64 hex digits; spaces and case ignored) is the current signed version of an opinion.
	 * A fingerprint that matches nothing is {@link Verdict#NOT_OURS}; one of a case the actor has no relation to is a
	 * 404 like any such case. Audited as {@code opinion.verify} when it names a case.
	 * @throws NotFoundException (404, audited as DENIED) for a known fingerprint of a case the actor cannot reach
	 */
	public Verification verify(Actor actor, String fingerprint) {
		String f = fingerprint == null ? "" : fingerprint.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
		Optional<SignedVersions.SignedVersion> found = f.matches("[0-9a-f]{64}") ? versions.byFingerprint(f) : Optional.empty();
		if (found.isEmpty()) {
			return new Verification(Verdict.NOT_OURS, null, null, null);
		}
		SignedVersions.SignedVersion v = found.get();
		access.requireAccess(actor, v.caseId(), AuditAction.OPINION_VERIFY);
		int current = versions.current(v.caseId()).map(SignedVersions.SignedVersion::version).orElse(v.version());
		audit.success(actor, AuditAction.OPINION_VERIFY, v.caseId(), "SignedVersion", null);
		return new Verification(current == v.version() ? Verdict.CURRENT : Verdict.SUPERSEDED, v.version(), v.caseId(), v.signedAt());
	}
}
