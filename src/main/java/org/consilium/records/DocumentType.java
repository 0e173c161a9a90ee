package org.consilium.records;

/**
 * The types a document may have, each detected from the content (Apache Tika) and then proven by parsing
 * ({@link org.consilium.records.vault.DocumentTypePolicy}). Only PDF (without markup), JPEG and PNG open in the
 * browser; the rest are served as attachments (browsers show neither TIFF nor DICOM, and text or JSON must never be rendered as a page).
 */
public enum DocumentType {

	PDF("application/pdf", "PDF", true),
	/**
	 * A valid PDF that also carries HTML or script markup somewhere in its bytes ({@code <html}, {@code <script}, ...):
	 * kept, but served only as an attachment, so no browser or viewer that sniffs it can treat it as a page (issue #11).
	 */
	PDF_DOWNLOAD_ONLY("application/pdf", "PDF", false),
	JPEG("image/jpeg", "JPEG image", true),
	PNG("image/png", "PNG image", true),
	TIFF("image/tiff", "TIFF image", false),
	/** DICOM Part 10 file: https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html */
	DICOM("application/dicom", "DICOM", false),
	ZIP("application/zip", "ZIP archive", false),
	TEXT("text/plain;charset=UTF-8", "Plain text", false),
	/** A FHIR resource in JSON: https://hl7.org/fhir/R4/json.html (an object with {@code resourceType}). */
	FHIR_JSON("application/fhir+json", "FHIR JSON", false),
	/** A GA4GH Phenopacket v2 in JSON: https://phenopacket-schema.readthedocs.io/en/latest/phenopacket.html */
	PHENOPACKET_JSON("application/json", "Phenopacket JSON", false);

	private final String mediaType;

	private final String label;

	private final boolean viewableInline;

	DocumentType(String mediaType, String label, boolean viewableInline) {
		this.mediaType = mediaType;
		this.label = label;
		this.viewableInline = viewableInline;
	}

	/** The media type the document is served with. */
	public String mediaType() {
		return mediaType;
	}

	public String label() {
		return label;
	}

	/** Whether browsers display it safely in a tab (PDF, JPEG, PNG). */
	public boolean viewableInline() {
		return viewableInline;
	}
}
