package org.consilium.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The catalogue of audit action codes and the words the patient's access log shows for them. */
class AuditActionTests {

	/**
	 * Every code written by releases before the catalogue existed (collected from the history of the code base), so a
	 * database created by an earlier release reads in plain words too.
	 */
	static final List<String> CODES_OF_EARLIER_RELEASES = List.of("case.access-log", "case.close", "case.create", "case.list",
			"case.panel.read", "case.read", "case.records-received", "case.submit", "case.update", "case.update-locale", "case.withdraw",
			"ddx.explain", "ddx.rank", "ddx.read", "matching.assign", "matching.decisions", "matching.override", "matching.profile.update",
			"matching.rank", "opinion.deliver", "opinion.feedback", "opinion.follow-up.answer", "opinion.follow-up.ask", "opinion.read",
			"phenotype.feature.add", "phenotype.feature.remove", "phenotype.phenopacket.import", "phenotype.read", "phenotype.terms.search",
			"records.document.quarantine", "records.document.read", "records.document.upload", "records.fhir.import",
			"records.fhir.import.discarded", "records.fhir.import.patient-mismatch-confirmed", "records.fhir.import.status",
			"records.fhir.import.wrong-patient", "records.read", "review.accept", "review.ask-patient", "review.clarification.answer",
			"review.clarification.ask", "review.clarification.read", "review.decline", "review.impression", "review.impression-recorded",
			"review.impression.read", "review.opinion.read", "review.opinion.save", "review.opinion.sign", "review.panel.dissent",
			"review.panel.dissent.read", "review.panel.opinion.read", "review.panel.opinion.save", "review.patient-answered", "review.sign",
			"review.workspace", "triage.assign", "triage.assign-panel", "triage.checklist.read", "triage.checklist.request",
			"triage.checklist.update", "triage.decline", "triage.notices.read", "triage.read", "triage.request-records", "triage.start",
			"triage.urgent-finding.acknowledge", "triage.urgent-finding.list", "triage.urgent-finding.mark", "triage.urgent-finding.read");

	@Test
	void everyCodeOfAnEarlierReleaseHasPlainWords() {
		assertThat(CODES_OF_EARLIER_RELEASES).allSatisfy(code -> assertThat(AuditAction.ofCode(code)).as(code).isPresent());
	}

	@Test
	void theWordsAreSentencesWithoutCodes() {
		assertThat(AuditAction.values()).allSatisfy(a -> {
			assertThat(a.wording()).as(a.code()).isNotBlank().doesNotContain(".", "_").isNotEqualTo(a.code());
			assertThat(Character.isUpperCase(a.wording().charAt(0))).as(a.code()).isTrue();
		});
		assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code).distinct()).hasSize(AuditAction.values().length);
	}

	@Test
	void anUnknownCodeIsNotShownAsACode() {
		assertThat(AuditAction.wordingOf("records.something-new")).isEqualTo("Another action");
		assertThat(AuditAction.wordingOf("review.sign")).isEqualTo("Signed the opinion");
	}
}
