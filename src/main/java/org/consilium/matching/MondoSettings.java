package org.consilium.matching;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code consilium.mondo.dir}: a folder holding Mondo's SSSOM crosswalks ({@code mondo_exactmatch_omim.sssom.tsv},
 * {@code ..._orphanet...}, {@code ..._icd10cm...}, {@code ..._sctid...}, plain or gzipped) from
 * https://github.com/monarch-initiative/mondo ({@code src/ontology/mappings/} or the release assets). Unset by
 * default: matching then works on exact codes and ICD-10-CM categories only.
 */
@ConfigurationProperties("consilium.mondo")
public record MondoSettings(String dir) {

	/** The folder as a file-system path (relative to the working directory), or null when unset. Kept as text in the
	 * property because a web application context would resolve a {@code Path} property as a servlet resource. */
	public Path path() {
		return dir == null || dir.isBlank() ? null : Path.of(dir.strip());
	}
}
