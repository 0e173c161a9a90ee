package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

import org.consilium.shared.InvalidInputException;

/**
 * Fuzz target of the phenopacket reader (issue #11): any bytes are a GA4GH Phenopacket v2 with an id, or refused with
 * {@link InvalidInputException}; never another exception. Seeds:
 * {@code src/test/resources/org/consilium/phenotype/PhenopacketFuzzTestsInputs/phenopackets/}; {@code bench/fuzz.sh
 * phenopackets <minutes>} fuzzes it.
 */
@Tag("fuzz")
class PhenopacketFuzzTests {

	@FuzzTest(maxDuration = "60m")
	void phenopackets(byte[] json) {
		try {
			assertThat(PhenopacketReader.parse(json).getId()).isNotBlank();
		}
		catch (InvalidInputException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
	}
}
