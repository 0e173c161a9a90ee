package org.consilium.ddx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import org.consilium.shared.CodeLists;
import org.consilium.shared.CodeSystem;

/**
 * The ICD-10-CM code list of an official release, when the program installs one ({@code consilium.icd10cm.file}: a
 * file path or {@code classpath:} location, plain or {@code .gz}). Two files of the CDC/CMS release are read
 * (https://www.cms.gov/medicare/coding-billing/icd-10-codes, "Code Descriptions in Tabular Order"):
 * <ul>
 * <li>{@code icd10cm-order-<year>.txt}: order number (5 digits), code without its dot, 0 (header) or 1 (billable), short
 * and long title; holds the categories (C50) and every code;</li>
 * <li>{@code icd10cm-codes-<year>.txt}: the billable codes only, the code without its dot, then the title.</li>
 * </ul>
 * Codes are kept with their dot after the third character ({@code C50.919}). Read once, at first use. Unset: no list
 * installed, codes are checked for their form only.
 */
@Component
public class Icd10CmList implements CodeLists {

	private static final Logger log = LoggerFactory.getLogger(Icd10CmList.class);

	/** The order file's fixed columns: order number 1-5, code 7-13, billable flag 15, short title 17-76, long title from 78. */
	private static final Pattern ORDER_LINE = Pattern.compile("^\\d{5} ([A-Z0-9]{3,7}) *[01] .*$");

	private static final Pattern CODES_LINE = Pattern.compile("^([A-Z0-9]{3,7})\\s+(\\S.*)$");

	private final String location;

	private volatile Map<String, String> titles;

	Icd10CmList(@Value("${consilium.icd10cm.file:}") String location) {
		this.location = location == null || location.isBlank() ? null : location.strip();
	}

	@Override
	public boolean installed(CodeSystem system) {
		return system == CodeSystem.ICD_10_CM && !titles().isEmpty();
	}

	@Override
	public Optional<String> title(CodeSystem system, String code) {
		if (system != CodeSystem.ICD_10_CM || code == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(titles().get(code.strip().toUpperCase(Locale.ROOT)));
	}

	/** Every code with its title, in the release's order; empty when no list is installed. */
	public Map<String, String> codes() {
		return titles();
	}

	private Map<String, String> titles() {
		Map<String, String> t = titles;
		if (t == null) {
			synchronized (this) {
				if (titles == null) {
					titles = load();
				}
				t = titles;
			}
		}
		return t;
	}

	private Map<String, String> load() {
		if (location == null) {
			return Map.of();
		}
		try {
			Resource resource = new DefaultResourceLoader().getResource(location.contains(":") && !location.matches("^[A-Za-z]:\\\\.*") ? location
					: Path.of(location).toUri().toString());
			Map<String, String> read = read(resource.getInputStream(), location.endsWith(".gz"));
			log.info("ICD-10-CM code list: {} codes from {}", read.size(), location);
			return Collections.unmodifiableMap(read);
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("The ICD-10-CM code list {} could not be read ({}); codes are checked for their form only", location, e.toString());
			return Map.of();
		}
	}

	static Map<String, String> read(InputStream raw, boolean gzipped) throws IOException {
		Map<String, String> codes = new LinkedHashMap<>();
		try (InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String code;
				String title;
				Matcher m = ORDER_LINE.matcher(line);
				if (m.matches() && line.length() > 77) {
					code = m.group(1);
					title = line.substring(77).strip();
				}
				else if ((m = CODES_LINE.matcher(line)).matches()) {
					code = m.group(1);
					title = m.group(2).strip();
				}
				else {
					continue;
				}
				codes.put(code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code, title);
			}
		}
		return codes;
	}
}
