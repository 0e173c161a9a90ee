package org.consilium.records.vault;

import java.io.IOException;
import java.io.InputStream;

import org.consilium.records.ScanStatus;
import org.consilium.records.VirusScannerUnavailableException;

/** Scans a document's bytes for malware before anything else reads them. */
public interface VirusScanner {

	/** The outcome: the status, and the signature name when infected (e.g. {@code Eicar-Test-Signature}), else null. */
	record Verdict(ScanStatus status, String signature) {
	}

	/**
	 * Scans the stream to its end; the caller closes it.
	 *
	 * @throws VirusScannerUnavailableException when a scanner is configured but cannot give a verdict
	 */
	Verdict scan(InputStream content) throws IOException;

	/** No scanner configured: every document is {@link ScanStatus#NOT_SCANNED}. */
	VirusScanner NONE = content -> new Verdict(ScanStatus.NOT_SCANNED, null);

	/**
	 * No scanner configured while a scan is required ({@code consilium.records.scan-required}): every upload is refused
	 * with {@link VirusScannerUnavailableException} (HTTP 503) and nothing is stored.
	 */
	VirusScanner REFUSE = content -> {
		throw new VirusScannerUnavailableException("Uploads are switched off: this program keeps documents only after a virus scan, "
				+ "and no virus scanner is set up. Nothing was stored. Please tell the program's administrator.");
	};
}
