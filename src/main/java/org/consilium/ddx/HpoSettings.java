package org.consilium.ddx;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the operator keeps the official HPO release: {@code consilium.hpo.dir} holding {@code hp.json} and
 * {@code phenotype.hpoa} (plain or gzipped) from https://hpo.jax.org/data/ontology and
 * https://hpo.jax.org/data/annotations, and optionally {@code genes_to_disease.txt} from the latter for the genes of
 * the differential's leading candidates. Unset by default; when set, {@link HpoRelease} loads the
 * release in the background after start-up.
 */
@ConfigurationProperties("consilium.hpo")
public record HpoSettings(Path dir) {
}
