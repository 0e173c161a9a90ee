package org.consilium.records.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import org.consilium.shared.InvalidInputException;

/**
 * Fuzz targets of the upload checks (issue #11). Without {@code JAZZER_FUZZ} each runs its committed seeds
 * ({@code src/test/resources/org/consilium/records/vault/VaultFuzzTestsInputs/<method>/}) as a regression test;
 * {@code bench/fuzz.sh <method> <minutes>} fuzzes one. A refusal ({@link InvalidInputException}, an {@link IOException}
 * for unreadable bytes, a problem text) is an answer; any other exception, or a broken promise, is a finding.
 */
@Tag("fuzz")
class VaultFuzzTests {

	private static Path dir;

	private static final DocumentTypePolicy POLICY = new DocumentTypePolicy();

	@BeforeAll
	static void workDir() throws IOException {
		dir = Files.createTempDirectory("vault-fuzz");
	}

	@AfterAll
	static void removeWorkDir() throws IOException {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/** The cleaned name keeps its promises: no separators, control or format characters, NFC, at most 200 code points. */
	@FuzzTest(maxDuration = "60m")
	void fileNames(byte[] bytes) {
		String name = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		String cleaned = FileNames.clean(name);
		assertThat(cleaned).isNotBlank().doesNotContain("/", "\\");
		assertThat(cleaned.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)).isTrue();
		assertThat(cleaned.codePointCount(0, cleaned.length())).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
		assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).as("NFC").isTrue();
		assertThat(FileNames.clean(cleaned)).as("cleaning twice changes nothing").isEqualTo(cleaned);
	}

	/** Any bytes as a ZIP: accepted within the limits, or refused with a reason; never another exception. */
	@FuzzTest(maxDuration = "60m")
	void zipInspection(byte[] bytes) throws IOException {
		Path archive = Files.write(dir.resolve("fuzz.zip"), bytes);
		try {
			ZipInspection.Result result = new ZipInspection(POLICY, dir).inspect(archive, new ZipInspection.Limits(50, 1024 * 1024, 100));
			assertThat(result.entries()).isNotEmpty();
			assertThat(result.uncompressedBytes()).isLessThanOrEqualTo(1024 * 1024);
		}
		catch (InvalidInputException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
	}

	/** Any bytes as a DICOM file: a valid header (null) or a problem text; never an exception. */
	@FuzzTest(maxDuration = "60m")
	void dicomHeader(byte[] bytes) throws IOException {
		Path file = Files.write(dir.resolve("fuzz.dcm"), bytes);
		String problem = DicomHeader.problem(file);
		if (problem == null) {
			assertThat(bytes.length).isGreaterThan(DicomHeader.PREAMBLE + 4);
		}
	}
}
