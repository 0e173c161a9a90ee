package org.consilium.ddx;

import java.nio.file.Path;

/**
 * An HPO release file is missing or unreadable. The message names the file and where the official release
 * is published.
 */
public class HpoDataNotFoundException extends RuntimeException {

	static final String ONTOLOGY_DOWNLOAD = "https://hpo.jax.org/data/ontology";

	static final String ANNOTATIONS_DOWNLOAD = "https://hpo.jax.org/data/annotations";

	HpoDataNotFoundException(Path file, String what, String downloadPage, Exception cause) {
		super("Cannot read the HPO " + what + " file " + file.toAbsolutePath() + (cause == null ? " (it does not exist)" : ": " + cause.getMessage())
				+ ". Download the official release from " + downloadPage + " and configure the directory that holds it.", cause);
	}
}
