package org.consilium.records;

/**
 * The virus scan of an uploaded document by the ClamAV daemon ({@code consilium.records.clamd.*}).
 * {@link #INFECTED} documents are quarantined: kept for the record, never viewable or downloadable.
 */
public enum ScanStatus {

	SCANNED("scanned"),
	/** No virus scanner is configured (allowed unless {@code consilium.records.scan-required}); said plainly on the page. */
	NOT_SCANNED("not scanned for viruses"),
	INFECTED("infected (quarantined)");

	private final String label;

	ScanStatus(String label) {
		this.label = label;
	}

	/** What the records page shows. */
	public String label() {
		return label;
	}
}
