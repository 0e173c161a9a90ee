package org.consilium.records.vault;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;

import org.consilium.records.DocumentType;
import org.consilium.shared.InvalidInputException;

/**
 * Decides what an uploaded file is and whether it may be kept. The type is detected from the bytes with Apache Tika
 * (never from the name); then the file must parse as that type, because Tika's magic numbers only read the first bytes
 * (it calls a PDF header followed by a script {@code application/pdf}):
 * <ul>
 * <li>PDF: opens in PDFBox without a password and has a page. A PDF with JavaScript ({@code /JS}, {@code /S
 * /JavaScript}) or launch actions ({@code /S /Launch}) anywhere in its objects is rejected: a medical document needs
 * neither, and they are how PDFs attack readers. A PDF whose bytes carry HTML or script markup anywhere after the
 * sniffed head ({@link #PDF_MARKUP}, case-insensitive) is kept as {@link DocumentType#PDF_DOWNLOAD_ONLY}, served only
 * as an attachment.</li>
 * <li>JPEG, PNG, TIFF: decodes with Java's ImageIO readers (TIFF since Java 9), at most {@value #MAX_PIXELS} pixels;
 * the whole image is decoded, subsampled so memory stays small.</li>
 * <li>DICOM: a careful check of our own of the Part 10 file header, because no DICOM library (dcm4che) is on Maven
 * Central: see {@link DicomHeader}.</li>
 * <li>ZIP: only that it is one; its entries are checked by {@link ZipInspection}.</li>
 * <li>Plain text: valid UTF-8 without control characters other than tab, line feed, form feed and carriage return.
 * Text whose first character is <code>{</code> must parse as JSON; an object with {@code resourceType} is FHIR JSON
 * (https://hl7.org/fhir/R4/json.html), one with {@code id} and {@code subject}, {@code phenotypicFeatures} or
 * {@code metaData} a GA4GH Phenopacket v2; any other JSON is kept as plain text.</li>
 * </ul>
 * Polyglots are rejected: a binary file (PDF, image, DICOM, ZIP) must not carry HTML or script markup in the first
 * {@value #SNIFF_BYTES} bytes (the span browsers sniff, https://mimesniff.spec.whatwg.org/#reading-the-resource-header),
 * a non-PDF must not carry a PDF header in its first 1,024 bytes (where PDF readers look for it), and a non-ZIP must not
 * end in a ZIP central directory. Everything else (HTML, SVG, scripts, executables, office files, unknown binary data)
 * is rejected with a message naming what it looks like. Every rejection is an {@link InvalidInputException}.
 */
final class DocumentTypePolicy {

	static final long MAX_PIXELS = 200_000_000L;

	static final int SNIFF_BYTES = 1445;

	/** Largest ZIP end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes. */
	private static final int EOCD_SEARCH_BYTES = 22 + 65_535;

	private static final String[] MARKUP = { "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<object",
			"<embed", "<?xml", "<!--" };

	/** Markup that makes a PDF download-only; not {@code <?xml}, which every PDF's XMP metadata holds. */
	static final String[] PDF_MARKUP = { "<!doctype html", "<html", "<head>", "<body", "<script", "<iframe", "<svg", "<object", "<embed" };

	private static final Map<String, String> REFUSED = Map.ofEntries(
			Map.entry("text/html", "an HTML page, which a browser would run scripts from"),
			Map.entry("application/xhtml+xml", "an HTML page, which a browser would run scripts from"),
			Map.entry("image/svg+xml", "an SVG image, which can carry scripts"),
			Map.entry("application/x-sh", "a shell script"),
			Map.entry("application/javascript", "a script"),
			Map.entry("text/javascript", "a script"),
			Map.entry("application/x-executable", "a program (ELF executable)"),
			Map.entry("application/x-sharedlib", "a program library (ELF)"),
			Map.entry("application/x-elf", "a program (ELF executable)"),
			Map.entry("application/x-msdownload", "a Windows program"),
			Map.entry("application/x-dosexec", "a Windows program"),
			Map.entry("application/x-ms-installer", "a Windows installer"));

	static final String ALLOWED = "Upload PDF, JPEG, PNG, TIFF, DICOM, plain text (UTF-8), FHIR JSON, phenopacket JSON, or a ZIP archive of these.";

	private final Tika tika = new Tika();

	private final JsonFactory json = new JsonFactory();

	/**
	 * The type of the file, proven by parsing it.
	 *
	 * @throws InvalidInputException when the file is empty, of a type not allowed, does not parse as what it claims to be,
	 *         or is a polyglot; the message says which
	 * @throws IOException when the file cannot be read
	 */
	DocumentType check(Path file) throws IOException {
		long size = Files.size(file);
		if (size == 0) {
			throw new InvalidInputException("The file is empty.");
		}
		String detected;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			detected = tika.detect(in);
		}
		byte[] head = head(file, SNIFF_BYTES);
		if (!detected.equals("application/zip") && endsInZipDirectory(file, size)) {
			throw new InvalidInputException("This file is both " + article(detected) + " and a ZIP archive (a polyglot), which is not accepted. "
					+ "Upload the document on its own, or the archive on its own.");
		}
		return switch (detected) {
			case "application/pdf" -> checkPdf(file, head);
			case "image/jpeg" -> checkImage(file, head, DocumentType.JPEG, "jpeg");
			case "image/png" -> checkImage(file, head, DocumentType.PNG, "png");
			case "image/tiff" -> checkImage(file, head, DocumentType.TIFF, "tiff");
			case "application/dicom" -> checkDicom(file, head);
			case "application/zip" -> checkZip(head);
			case "text/plain", "application/json", "application/octet-stream" -> checkText(file, detected);
			default -> throw refused(detected);
		};
	}

	private static String article(String detected) {
		return switch (detected) {
			case "application/pdf" -> "a PDF";
			case "image/jpeg", "image/png", "image/tiff" -> "an image";
			case "application/dicom" -> "a DICOM file";
			default -> "a document (" + detected + ")";
		};
	}

	private static InvalidInputException refused(String detected) {
		String base = detected.split(";")[0].strip();
		String what = REFUSED.get(base);
		if (what == null && (base.startsWith("application/x-") && base.contains("script") || base.startsWith("text/x-"))) {
			what = "a script or program source";
		}
		return new InvalidInputException("This file is " + (what != null ? what : "not an accepted type") + " (its content looks like " + detected
				+ "), so it is not accepted. " + ALLOWED);
	}

	private DocumentType checkPdf(Path file, byte[] head) throws IOException {
		rejectMarkup(head, DocumentType.PDF);
		try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
			if (pdf.getNumberOfPages() < 1) {
				throw new InvalidInputException("This PDF has no pages.");
			}
			String active = PdfActiveContent.find(pdf);
			if (active != null) {
				throw new InvalidInputException("This PDF contains " + active + ", which is not accepted in medical records. "
						+ "Print it to a new PDF (\"Save as PDF\") and upload that.");
			}
		}
		catch (InvalidPasswordException e) {
			throw new InvalidInputException("This PDF is password-protected, so it cannot be checked. Upload it without the password.");
		}
		catch (IOException e) {
			throw new InvalidInputException("This file starts like a PDF but does not open as one (" + brief(e) + ").");
		}
		return containsMarkup(file) ? DocumentType.PDF_DOWNLOAD_ONLY : DocumentType.PDF;
	}

	/** Whether any of {@link #PDF_MARKUP} occurs in the file, read in blocks that overlap by the longest marker. */
	static boolean containsMarkup(Path file) throws IOException {
		int overlap = 0;
		for (String marker : PDF_MARKUP) {
			overlap = Math.max(overlap, marker.length() - 1);
		}
		byte[] block = new byte[64 * 1024 + overlap];
		try (InputStream in = Files.newInputStream(file)) {
			int kept = 0;
			int read;
			while ((read = in.readNBytes(block, kept, block.length - kept)) > 0) {
				String text = new String(block, 0, kept + read, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
				for (String marker : PDF_MARKUP) {
					if (text.contains(marker)) {
						return true;
					}
				}
				int filled = kept + read;
				kept = Math.min(overlap, filled);
				System.arraycopy(block, filled - kept, block, 0, kept);
			}
		}
		return false;
	}

	private static DocumentType checkImage(Path file, byte[] head, DocumentType type, String format) throws IOException {
		rejectMarkup(head, type);
		rejectPdfHeader(head, type);
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			reader.setInput(in, true, true);
			long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
			if (pixels <= 0 || pixels > MAX_PIXELS) {
				throw new InvalidInputException("This " + type.label() + " has " + pixels + " pixels; at most " + MAX_PIXELS + " are accepted.");
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = (int) Math.max(1, Math.ceil(Math.sqrt(pixels / 1_000_000.0)));
			param.setSourceSubsampling(step, step, 0, 0);
			BufferedImage image = reader.read(0, param);
			if (image == null) {
				throw new IOException("no image");
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("This file starts like a " + type.label() + " but does not decode as one (" + brief(e) + ").");
		}
		finally {
			reader.dispose();
		}
		return type;
	}

	private static DocumentType checkDicom(Path file, byte[] head) throws IOException {
		rejectMarkup(head, DocumentType.DICOM);
		rejectPdfHeader(head, DocumentType.DICOM);
		String problem = DicomHeader.problem(file);
		if (problem != null) {
			throw new InvalidInputException("This file starts like DICOM but its file header is not valid: " + problem + ".");
		}
		return DocumentType.DICOM;
	}

	private static DocumentType checkZip(byte[] head) {
		rejectMarkup(head, DocumentType.ZIP);
		rejectPdfHeader(head, DocumentType.ZIP);
		return DocumentType.ZIP;
	}

	private DocumentType checkText(Path file, String detected) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int firstVisible = -1;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 64 * 1024)) {
			char[] buffer = new char[64 * 1024];
			long line = 1;
			int n;
			while ((n = reader.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					char c = buffer[i];
					if (c == '\n') {
						line++;
					}
					else if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\f') {
						throw new InvalidInputException(detected.equals("text/plain")
								? "This text file contains the control character U+%04X on line %d; only plain text is accepted.".formatted((int) c, line)
								: "This file is not an accepted type (its content looks like %s: binary data with the control character U+%04X on line %d). %s"
									.formatted(detected, (int) c, line, ALLOWED));
					}
					if (firstVisible < 0 && !Character.isWhitespace(c) && c != '\uFEFF') {
						firstVisible = c;
					}
				}
			}
		}
		catch (CharacterCodingException e) {
			throw new InvalidInputException(detected.equals("text/plain") ? "This text file is not valid UTF-8; save it as UTF-8 and upload it again."
					: "This file is not an accepted type (its content looks like " + detected + ", not UTF-8 text). " + ALLOWED);
		}
		return firstVisible == '{' ? checkJson(file) : DocumentType.TEXT;
	}

	private DocumentType checkJson(Path file) throws IOException {
		Set<String> fields = new HashSet<>();
		try (JsonParser parser = json.createParser(Files.newInputStream(file))) {
			parser.nextToken();
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
				fields.add(parser.currentName());
				parser.nextToken();
				parser.skipChildren();
			}
			if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
				throw new InvalidInputException("This JSON file has more than one top-level value.");
			}
		}
		catch (JsonProcessingException e) {
			throw new InvalidInputException("This file looks like JSON but does not parse (line " + e.getLocation().getLineNr() + ", column "
					+ e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ").");
		}
		if (fields.contains("resourceType")) {
			return DocumentType.FHIR_JSON;
		}
		if (fields.contains("id") && (fields.contains("subject") || fields.contains("phenotypicFeatures") || fields.contains("metaData"))) {
			return DocumentType.PHENOPACKET_JSON;
		}
		return DocumentType.TEXT;
	}

	private static void rejectMarkup(byte[] head, DocumentType type) {
		String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String marker : MARKUP) {
			if (text.contains(marker)) {
				throw new InvalidInputException("This " + type.label() + " carries HTML or script markup (" + marker
						+ "…) in its first bytes, where a browser would find it (a polyglot file), so it is not accepted.");
			}
		}
	}

	private static void rejectPdfHeader(byte[] head, DocumentType type) {
		String text = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1);
		if (text.contains("%PDF-")) {
			throw new InvalidInputException("This " + type.label() + " also carries a PDF header (a polyglot file), so it is not accepted.");
		}
	}

	/** Whether an end-of-central-directory signature (PK 05 06) lies in the last bytes, as a ZIP reader looks for it. */
	private static boolean endsInZipDirectory(Path file, long size) throws IOException {
		int span = (int) Math.min(size, EOCD_SEARCH_BYTES);
		byte[] tail = new byte[span];
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			raf.seek(size - span);
			raf.readFully(tail);
		}
		for (int i = tail.length - 22; i >= 0; i--) {
			if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
				return true;
			}
		}
		return false;
	}

	private static byte[] head(Path file, int bytes) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(bytes);
		}
	}

	private static String brief(Exception e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return message.length() > 120 ? message.substring(0, 120) + "…" : message;
	}
}
