package org.consilium.records.fhirimport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.consilium.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

/** The URL checks of {@link BundleStructureRules} scan instead of backtracking, and accept what the old patterns did. */
class BundleStructureRulesTests {

	private static final Pattern OLD_RESTFUL = Pattern.compile(
			"^(https?://.+)/([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/([A-Za-z0-9\\-.]{1,64}))?$");

	private static final Pattern OLD_OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

	@Test
	void restfulUrlsAreParsedIntoTheirParts() {
		assertThat(FhirUrls.RestfulUrl.parse("https://example.org/fhir/Patient/p-1/_history/2"))
			.isEqualTo(new FhirUrls.RestfulUrl("https://example.org/fhir", "Patient", "p-1", "2"));
		assertThat(FhirUrls.RestfulUrl.parse("http://x/Observation/o.1"))
			.isEqualTo(new FhirUrls.RestfulUrl("http://x", "Observation", "o.1", null));
		assertThat(FhirUrls.RestfulUrl.parse("urn:uuid:2a9ea1e4-1b0c-4d6c-8f6b-8d2b8ef1b0c1")).isNull();
	}

	@Test
	void theScansAgreeWithThePatternsOnRandomInputs() {
		RandomTexts.of(200_000, 9, "http://", "https://", "h", "/", "Patient", "P", "a", "1", "0", ".", "-", "_history", "/_history/", ":", "\n", "x")
			.forEach(s -> {
				Matcher old = OLD_RESTFUL.matcher(s);
				FhirUrls.RestfulUrl parsed = FhirUrls.RestfulUrl.parse(s);
				assertThat(parsed != null).as("RESTful [%s]", s).isEqualTo(old.matches());
				if (parsed != null) {
					assertThat(parsed).as("[%s]", s)
						.isEqualTo(new FhirUrls.RestfulUrl(old.group(1), old.group(2), old.group(3), old.group(5)));
				}
			});
		RandomTexts.ofCharacters(200_000, 9, "0123456789..").forEach(s -> {
			assertThat(FhirUrls.isOid(s)).as("OID [%s]", s).isEqualTo(OLD_OID.matcher(s).matches());
		});
	}
}
