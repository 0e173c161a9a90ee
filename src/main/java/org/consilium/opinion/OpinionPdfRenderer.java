package org.consilium.opinion;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders the opinion's PDF from the Thymeleaf template {@code opinion/pdf} (which includes the page's own report
 * fragment, {@code opinion/report :: sections}) with OpenHTMLtoPDF: PDF/A-2u (every font embedded, Unicode text,
 * sRGB output intent) and PDF/UA-1 (tagged structure, title, language), with ICU's bidirectional algorithm and Arabic
 * shaping for right-to-left text. External resources are never fetched: the template carries its own style sheet.
 */
@Component
class OpinionPdfRenderer {

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	private final PdfFonts fonts;

	OpinionPdfRenderer(ITemplateEngine templates, ApplicationContext context, PdfFonts fonts) {
		this.templates = templates;
		this.context = context;
		this.fonts = fonts;
	}

	/** The template's XHTML for {@code model} (exposed for tests of the text). */
	String html(Map<String, Object> model) {
		Context ctx = new Context(Locale.ENGLISH, model);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return templates.process("opinion/pdf", ctx);
	}

	/**
	 * The PDF for {@code model}.
	 * @throws IllegalStateException when a font is missing from the fonts folder
	 */
	byte[] pdf(Map<String, Object> model) {
		String html = html(model);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
		builder.usePdfUaAccessibility(true);
		builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
		builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
		builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
		builder.useExternalResourceAccessControl((uri, type) -> false,
				com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		for (Map.Entry<PdfFonts.PdfFont, Path> f : fonts.files().entrySet()) {
			FontStyle style = f.getKey().fileName().contains("Italic") ? FontStyle.ITALIC : FontStyle.NORMAL;
			builder.useFont(f.getValue().toFile(), f.getKey().family(), f.getKey().weight(), style, true);
		}
		builder.withHtmlContent(html, null);
		builder.withProducer("Consilium");
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot render the opinion's PDF", e);
		}
		return out.toByteArray();
	}
}
