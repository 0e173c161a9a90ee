package org.consilium.ddx;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the operator keeps the official HPO release: {@code consilium.hpo.dir} holding {@code hp.json} and
 * {@code phenotype.hpoa} (plain or gzipped) from https://hpo.jax.org/data/ontology and
 * https://hpo.jax.org/data/annotations. Unset by default, and not read at start-up yet: nothing loads the
 * release until a feature asks for a ranking.
 */
@ConfigurationProperties("consilium.hpo")
public record HpoSettings(Path dir) {
}
