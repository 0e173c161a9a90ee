package org.consilium.records.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fhir.ucum.Component;
import org.fhir.ucum.ExpressionParser;
import org.fhir.ucum.Factor;
import org.fhir.ucum.Symbol;
import org.fhir.ucum.Term;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

import org.consilium.records.Measurement;

/**
 * Values and units of measurements as clinicians write them.
 * <p>
 * <b>Units.</b> A UCUM code (https://ucum.org/ucum) is parsed with the UCUM library ({@code org.fhir:ucum}, its
 * {@code ucum-essence.xml}) and written with each unit's print symbol and prefix: {@code Cel} as °C, {@code mm[Hg]} as
 * mmHg, {@code kg/m2} as kg/m², {@code 10*3/uL} as ×10³/μL; an annotation such as {@code {cells}} is written as its word,
 * and a unit that is only an annotation ({@code {score}}) or the unity {@code 1} is left out. A unit that is not valid
 * UCUM, or not coded as UCUM, is shown as the source wrote it.
 * <p>
 * <b>Precision.</b> Three significant digits, never rounding away digits before the decimal point (142 stays 142) and
 * never adding digits the source did not write (7.2 stays 7.2), unless the unit says otherwise: whole numbers for
 * mmHg and per-minute rates, one decimal for body temperature (°C, °F), two for pH, as vital signs and blood gases are
 * charted. The decimal separator is the reader's locale's.
 */
final class Measurements {

	/** Significant digits a value is shown with unless its unit says otherwise. */
	static final int SIGNIFICANT_DIGITS = 3;

	/** Decimal places by UCUM code, for units whose values are charted with a fixed number of decimals. */
	private static final Map<String, Integer> DECIMALS_BY_UNIT = Map.of("mm[Hg]", 0, "/min", 0, "{beats}/min", 0, "{breaths}/min", 0,
			"Cel", 1, "[degF]", 1, "[pH]", 2);

	private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

	private static final UcumEssenceService UCUM = load();

	private Measurements() {
	}

	private static UcumEssenceService load() {
		try (InputStream essence = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
			return new UcumEssenceService(essence);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (UcumException e) {
			throw new IllegalStateException("The UCUM essence of org.fhir:ucum cannot be read", e);
		}
	}

	/** The value and unit, e.g. "37.7 °C", "&lt;0.01 mg/dL", "0.304" (a score). */
	static String text(Measurement m, Locale locale) {
		String unit = unit(m);
		return (m.comparator() == null ? "" : m.comparator()) + number(m.value(), m.ucum() ? m.unit() : null, locale)
				+ (unit.isEmpty() ? "" : (unit.startsWith("%") || unit.startsWith("/") ? "" : " ") + unit);
	}

	/** The unit as people write it; empty for none, for the unity and for a unit that is only an annotation. */
	static String unit(Measurement m) {
		if (m.unit() == null) {
			return "";
		}
		return m.ucum() ? ucum(m.unit()) : m.unit();
	}

	/** A UCUM code as people write it; the code itself when it is not valid UCUM. */
	static String ucum(String code) {
		if (code.isBlank() || UCUM.validate(code) != null) {
			return code;
		}
		StringBuilder out = new StringBuilder();
		int depth = 0;
		int start = 0;
		List<String> parts = new ArrayList<>();
		List<Character> operators = new ArrayList<>();
		for (int i = 0; i < code.length(); i++) {
			char ch = code.charAt(i);
			if (ch == '[' || ch == '{') {
				depth++;
			}
			else if (ch == ']' || ch == '}') {
				depth--;
			}
			else if (depth == 0 && (ch == '/' || ch == '.')) {
				parts.add(code.substring(start, i));
				operators.add(ch);
				start = i + 1;
			}
		}
		parts.add(code.substring(start));
		for (int i = 0; i < parts.size(); i++) {
			String part = component(parts.get(i), parts.size() == 1);
			if (i > 0) {
				if (part.isEmpty() && operators.get(i - 1) == '.') {
					continue;
				}
				out.append(operators.get(i - 1) == '/' ? "/" : "·");
			}
			out.append(part);
		}
		String written = out.toString();
		return written.endsWith("/") ? written.substring(0, written.length() - 1) : written;
	}

	/** One component between operators: an annotation's word, or the symbol with its prefix and exponent. */
	private static String component(String part, boolean alone) {
		String annotation = "";
		int brace = part.indexOf('{');
		if (brace >= 0 && part.endsWith("}")) {
			annotation = part.substring(brace + 1, part.length() - 1);
			part = part.substring(0, brace);
		}
		if (part.isEmpty()) {
			return alone ? "" : annotation.replace('_', ' ');
		}
		StringBuilder out = new StringBuilder();
		try {
			Term term = new ExpressionParser(UCUM.getModel()).parse(part);
			Component c = term.getComp();
			if (c instanceof Symbol symbol) {
				String print = symbol.getUnit().getPrintSymbol();
				if ("10*".equals(symbol.getUnit().getCode()) || "10^".equals(symbol.getUnit().getCode())) {
					print = "×10"; // a power of ten, as in 10*3/uL: written ×10³/μL
				}
				out.append(symbol.hasPrefix() ? symbol.getPrefix().getPrintSymbol() : "")
					.append((print == null ? symbol.getUnit().getCode() : print).replaceAll("[\\s\\u00A0\\u2009\\u202F]+", ""))
					.append(symbol.getExponent() == 1 ? "" : superscript(symbol.getExponent()));
			}
			else if (c instanceof Factor factor && factor.getValue() != 1) {
				out.append(factor.getValue());
			}
		}
		catch (UcumException e) {
			out.append(part);
		}
		annotation = annotation.replace('_', ' ');
		return annotation.isEmpty() ? out.toString() : out + " " + annotation;
	}

	private static String superscript(int exponent) {
		StringBuilder out = new StringBuilder(exponent < 0 ? "⁻" : "");
		for (char digit : Integer.toString(Math.abs(exponent)).toCharArray()) {
			out.append(SUPERSCRIPTS.charAt(digit - '0'));
		}
		return out.toString();
	}

	/**
	 * The number rounded as the class describes, in the locale's notation.
	 * @param ucumCode the value's UCUM code, or null when it has none
	 */
	static String number(BigDecimal value, String ucumCode, Locale locale) {
		BigDecimal rounded = rounded(value, ucumCode);
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setGroupingUsed(rounded.abs().compareTo(BigDecimal.valueOf(10000)) >= 0);
		format.setMinimumFractionDigits(Math.max(rounded.scale(), 0));
		format.setMaximumFractionDigits(Math.max(rounded.scale(), 0));
		return format.format(rounded);
	}

	/** The value at the precision its unit asks for; see the class. */
	static BigDecimal rounded(BigDecimal value, String ucumCode) {
		Integer fixed = ucumCode == null ? null : DECIMALS_BY_UNIT.get(ucumCode);
		if (fixed != null) {
			return value.setScale(fixed, RoundingMode.HALF_UP);
		}
		int integerDigits = value.precision() - value.scale();
		int digits = Math.max(SIGNIFICANT_DIGITS, integerDigits);
		BigDecimal rounded = value.round(new MathContext(digits, RoundingMode.HALF_UP));
		int scale = Math.min(Math.max(rounded.scale(), 0), Math.max(value.scale(), 0));
		return value.setScale(scale, RoundingMode.HALF_UP);
	}
}
