package org.consilium.records.vault;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.consilium.records.ScanStatus;
import org.consilium.records.TestFiles;
import org.consilium.records.VirusScannerUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without a configured scanner, uploads are refused when a scan is required ({@code consilium.records.scan-required},
 * on with the {@code prod} profile) and stored as "not scanned for viruses" otherwise (issue #11, failure 9).
 */
class ScanRequiredTests {

	private static final ClamdSettings NO_CLAMD = new ClamdSettings(null, 3310, null, Duration.ofMinutes(2));

	@Test
	void withAScanRequiredAndNoScannerEveryUploadIsRefused() {
		VirusScanner scanner = new DocumentStoreConfiguration().virusScanner(NO_CLAMD, true);
		assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(TestFiles.EICAR))).isInstanceOf(VirusScannerUnavailableException.class)
			.hasMessageContaining("no virus scanner is set up").hasMessageContaining("Nothing was stored");
	}

	@Test
	void withoutThatSettingDocumentsAreStoredAsNotScannedAndSaySo() throws Exception {
		VirusScanner scanner = new DocumentStoreConfiguration().virusScanner(NO_CLAMD, false);
		assertThat(scanner.scan(new ByteArrayInputStream(TestFiles.EICAR)).status()).isEqualTo(ScanStatus.NOT_SCANNED);
		assertThat(ScanStatus.NOT_SCANNED.label()).isEqualTo("not scanned for viruses");
	}
}
