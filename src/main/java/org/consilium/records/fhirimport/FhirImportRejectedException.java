package org.consilium.records.fhirimport;

import java.util.List;

/**
 * An uploaded file was not accepted as a FHIR R4 record; nothing was stored.
 * <p>
 * {@link #getMessage()} is one sentence a coordinator can read, followed by the numbered problems. Each
 * problem names where it was found: the JSON line and column for syntax errors, else the Bundle entry and the
 * failing element path as the FHIR validator reports it (e.g.
 * {@code Bundle.entry[3].resource/*Observation/abc*&#47;.code: minimum required = 1, but only found 0}).
 */
public class FhirImportRejectedException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<String> problems;

	FhirImportRejectedException(String reason, List<String> problems) {
		super(compose(reason, problems));
		this.problems = List.copyOf(problems);
	}

	/** The individual problems, in the order found; never empty. */
	public List<String> problems() {
		return problems;
	}

	private static String compose(String reason, List<String> problems) {
		StringBuilder text = new StringBuilder("The FHIR file was not imported: ").append(reason).append('.');
		for (int i = 0; i < problems.size(); i++) {
			text.append("\n").append(i + 1).append(") ").append(problems.get(i));
		}
		return text.toString();
	}
}
