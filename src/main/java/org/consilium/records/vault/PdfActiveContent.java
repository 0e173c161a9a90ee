package org.consilium.records.vault;

import java.util.HashSet;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Active content in a PDF: JavaScript or an action that launches a program, which an upload must not carry. */
final class PdfActiveContent {

	private PdfActiveContent() {
	}

	/** The first JavaScript or launch action in any object of the document, or null. */
	static String find(PDDocument pdf) {
		for (COSObjectKey key : new HashSet<>(pdf.getDocument().getXrefTable().keySet())) {
			COSObject object = pdf.getDocument().getObjectFromPool(key);
			String found = find(object == null ? null : object.getObject(), new HashSet<>());
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String find(COSBase base, Set<COSBase> seen) {
		if (base == null || !seen.add(base)) {
			return null;
		}
		if (base instanceof COSDictionary dictionary) {
			if (dictionary.containsKey(COSName.JS) || COSName.JAVA_SCRIPT.equals(dictionary.getCOSName(COSName.S))
					|| dictionary.containsKey(COSName.JAVA_SCRIPT)) {
				return "JavaScript";
			}
			if (COSName.getPDFName("Launch").equals(dictionary.getCOSName(COSName.S))) {
				return "an action that launches a program";
			}
			for (COSBase value : dictionary.getValues()) {
				if (!(value instanceof COSObject)) {
					String found = find(value, seen);
					if (found != null) {
						return found;
					}
				}
			}
		}
		else if (base instanceof COSArray array) {
			for (COSBase value : array) {
				if (!(value instanceof COSObject)) {
					String found = find(value, seen);
					if (found != null) {
						return found;
					}
				}
			}
		}
		return null;
	}
}
