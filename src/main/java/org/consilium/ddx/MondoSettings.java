package org.consilium.ddx;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the operator keeps the Mondo exact-match crosswalks: {@code consilium.mondo.dir} holding the
 * {@code mondo_exactmatch_*.sssom.tsv} files (plain or gzipped) from
 * https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings, read by
 * {@link MondoCrosswalk#load}. Unset by default; nothing reads it at start-up.
 */
@ConfigurationProperties("consilium.mondo")
public record MondoSettings(Path dir) {
}
