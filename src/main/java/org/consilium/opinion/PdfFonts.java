package org.consilium.opinion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The TrueType fonts the opinion's PDF embeds, found by file name under {@link OpinionPdfSettings#fontsDir()}. PDF/A
 * needs every glyph's font embedded, so a missing font stops the rendering with a message naming it and the Debian
 * package that installs it.
 */
@Component
class PdfFonts {

	/** One font file and the CSS family and weight the PDF template asks for. */
	record PdfFont(String fileName, String family, int weight, String debianPackage) {
	}

	static final List<PdfFont> FONTS = List.of(
			new PdfFont("NotoSans-Regular.ttf", "Noto Sans", 400, "fonts-noto-core"),
			new PdfFont("NotoSans-Bold.ttf", "Noto Sans", 700, "fonts-noto-core"),
			new PdfFont("NotoSans-Italic.ttf", "Noto Sans", 400, "fonts-noto-core"),
			new PdfFont("NotoSansArabic-Regular.ttf", "Noto Sans Arabic", 400, "fonts-noto-core"),
			new PdfFont("NotoSansArabic-Bold.ttf", "Noto Sans Arabic", 700, "fonts-noto-core"),
			new PdfFont("ipag.ttf", "IPAGothic", 400, "fonts-ipafont-gothic"));

	private final OpinionPdfSettings settings;

	private volatile Map<PdfFont, Path> found;

	PdfFonts(OpinionPdfSettings settings) {
		this.settings = settings;
	}

	/**
	 * Each font with its file.
	 * @throws IllegalStateException when a font is not under the fonts folder
	 */
	Map<PdfFont, Path> files() {
		Map<PdfFont, Path> f = found;
		if (f == null) {
			f = search();
			found = f;
		}
		return f;
	}

	private Map<PdfFont, Path> search() {
		Map<String, Path> byName = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(settings.fontsDir(), 6)) {
			files.filter(Files::isRegularFile).forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the fonts folder " + settings.fontsDir() + " (consilium.opinion.fonts-dir)", e);
		}
		Map<PdfFont, Path> result = new LinkedHashMap<>();
		for (PdfFont font : FONTS) {
			Path p = byName.get(font.fileName());
			if (p == null) {
				if (font.fileName().contains("Italic") || font.fileName().contains("Arabic-Bold")) {
					continue; // optional faces: the renderer synthesises them from the regular one
				}
				throw new IllegalStateException("The font " + font.fileName() + " is not under " + settings.fontsDir()
						+ " (consilium.opinion.fonts-dir). Install the Debian package " + font.debianPackage() + ".");
			}
			result.put(font, p);
		}
		return Map.copyOf(result);
	}
}
