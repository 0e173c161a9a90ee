package org.consilium.records;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Small, real files of every type the upload policy knows, built in the test. */
public final class TestFiles {

	/** The EICAR anti-virus test file (https://www.eicar.org/download-anti-malware-testfile/), 68 bytes. */
	public static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes(StandardCharsets.US_ASCII);

	private TestFiles() {
	}

	/** A one-page PDF written by PDFBox. */
	public static byte[] pdf() {
		return pdf(false);
	}

	/** A one-page PDF that runs JavaScript when opened. */
	public static byte[] pdfWithJavaScript() {
		return pdf(true);
	}

	/**
	 * A one-page PDF followed, past the first 2 KB that browsers sniff, by an HTML page with a script: a valid PDF to
	 * PDFBox that a sniffing reader could take for a page.
	 */
	public static byte[] pdfWithHtmlAfterItsHead() {
		return concat(concat(pdf(), utf8("\n" + " ".repeat(2048))), utf8("\n<html><body><script>alert(document.cookie)</script></body></html>\n"));
	}

	private static byte[] pdf(boolean javaScript) {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			if (javaScript) {
				doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x');"));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An 8×8 image in the ImageIO format {@code png}, {@code jpeg} or {@code tiff}. */
	public static byte[] image(String format) {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * A DICOM Part 10 file: zero preamble, DICM, the file meta group (version, Secondary Capture SOP class, instance
	 * UID, Explicit VR Little Endian transfer syntax) and one data element (0008,0060) Modality = OT.
	 */
	public static byte[] dicom() {
		ByteBuffer element = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
		element.putShort((short) 8).putShort((short) 0x60).put("CS".getBytes(StandardCharsets.US_ASCII)).putShort((short) 2)
			.put("OT".getBytes(StandardCharsets.US_ASCII));
		return dicom("1.2.840.10008.1.2.1", element.array());
	}

	/** The same file meta group with another transfer syntax UID, followed by {@code dataSet} as it is. */
	public static byte[] dicom(String transferSyntax, byte[] dataSet) {
		ByteBuffer meta = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
		element(meta, 0x0001, "OB", new byte[] { 0, 1 });
		element(meta, 0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.7"));
		element(meta, 0x0003, "UI", uid("1.2.826.0.1.3680043.2.1125.1"));
		element(meta, 0x0010, "UI", uid(transferSyntax));
		int metaLength = meta.position();
		ByteBuffer file = ByteBuffer.allocate(128 + 4 + 12 + metaLength + dataSet.length).order(ByteOrder.LITTLE_ENDIAN);
		file.position(128);
		file.put("DICM".getBytes(StandardCharsets.US_ASCII));
		file.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII)).putShort((short) 4).putInt(metaLength);
		file.put(meta.array(), 0, metaLength);
		file.put(dataSet);
		return file.array();
	}

	private static byte[] uid(String uid) {
		return (uid.length() % 2 == 0 ? uid : uid + "\0").getBytes(StandardCharsets.US_ASCII);
	}

	private static void element(ByteBuffer buffer, int element, String vr, byte[] value) {
		buffer.putShort((short) 2).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
		if (vr.equals("OB")) {
			buffer.putShort((short) 0).putInt(value.length);
		}
		else {
			buffer.putShort((short) value.length);
		}
		buffer.put(value);
	}

	/** A ZIP (java.util.zip, deflated) of the given entries, in order. */
	public static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
