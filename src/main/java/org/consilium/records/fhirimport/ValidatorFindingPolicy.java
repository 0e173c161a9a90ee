package org.consilium.records.fhirimport;

import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Decides which findings of HAPI's offline base-R4 validator stop an import.
 * <p>
 * ERROR and FATAL findings reject, except those that only say the validator could not check something
 * without a terminology server, a profile package or the wider record: unknown code systems, unknown
 * codes and displays, value sets that are not required bindings, UCUM units, unknown profiles, and
 * references or narrative links to resources outside the one validated (other entries are validated
 * separately; references between entries are checked by {@link BundleStructureRules}). Those become
 * warnings. The validator's own WARNING and INFORMATION findings are dropped (real Synthea and IPS data
 * raise hundreds of them).
 * The patterns were chosen by running the validator over the Synthea 2.4 R4 sample Bundles and the
 * IPS 2.0.0 example Bundles, which must import.
 */
final class ValidatorFindingPolicy {

	enum Verdict { REJECT, WARN, DROP }

	/** A required binding failed: a base-FHIR code (status, gender, ...) is wrong, whatever else is said. */
	private static final List<String> REQUIRED_BINDING = List.of("is required from this value set",
			"a code is required", "and a coding from this value set is required");

	/**
	 * Phrases of findings that need a terminology server, a profile package or the rest of the Bundle. Kept
	 * narrow on purpose: a broad phrase (say "StructureDefinition") would also match real faults such as
	 * "minimum required = 1, but only found 0 (from http://hl7.org/fhir/StructureDefinition/Observation)".
	 */
	private static final List<String> NEEDS_WIDER_KNOWLEDGE = List.of(
			// terminology that an offline validator cannot decide
			"could not be determined", "unknown code", "codesystem is unknown", "code system is unknown",
			"a definition for codesystem", "is not in valueset", "not found in the value set",
			"none of the codings provided", "unable to check", "unable to validate code", "wrong display name",
			"error processing unit", "ucum",
			// profiles that are not part of base R4
			"profile reference", "failed to retrieve profile", "has not been checked because",
			// references and narrative links to other entries, unseen when an entry is validated alone
			"unable to resolve resource with reference", "textlink");

	private ValidatorFindingPolicy() {
	}

	static Verdict judge(SingleValidationMessage finding) {
		ResultSeverityEnum severity = finding.getSeverity();
		if (severity != ResultSeverityEnum.ERROR && severity != ResultSeverityEnum.FATAL) {
			return Verdict.DROP;
		}
		String text = finding.getMessage() == null ? "" : finding.getMessage().toLowerCase(Locale.ROOT);
		if (text.contains("unable to resolve resource with reference '#")) {
			return Verdict.REJECT; // a contained reference must resolve inside the resource itself
		}
		if (REQUIRED_BINDING.stream().anyMatch(text::contains)) {
			return Verdict.REJECT;
		}
		if (NEEDS_WIDER_KNOWLEDGE.stream().anyMatch(text::contains)) {
			return Verdict.WARN;
		}
		return Verdict.REJECT;
	}
}
