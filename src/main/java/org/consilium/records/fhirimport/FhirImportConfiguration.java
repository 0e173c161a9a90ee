package org.consilium.records.fhirimport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One FHIR importer for the application (its HAPI context and validator are expensive to build), with the limits of
 * {@code consilium.records.fhir.*} ({@link FhirImportLimits}), warmed up in the
 * background once the application is ready (not during start-up, where it would take a core from it) so the first
 * real import does not pay the validator's first-run cost.
 */
@Configuration(proxyBeanMethods = false)
class FhirImportConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FhirImportConfiguration.class);

	@Bean
	FhirBundleImporter fhirBundleImporter(@Value("${consilium.records.fhir.max-bytes:26214400}") long maxBytes,
			@Value("${consilium.records.fhir.max-entries:10000}") int maxEntries,
			@Value("${consilium.records.fhir.max-nesting-depth:100}") int maxNestingDepth) {
		return new FhirBundleImporter(new FhirImportLimits(maxBytes, maxEntries, maxNestingDepth));
	}

	/**
	 * The FHIR import API ({@code POST /api/cases/{id}/fhir-imports}) takes a Bundle of up to
	 * {@code consilium.records.fhir.max-bytes} instead of the 1 MB other JSON bodies keep to; the body is cut off while it
	 * streams past that (413, {@link org.consilium.shared.LargeRequestBody}).
	 */
	@Bean
	org.consilium.shared.LargeRequestBody fhirImportBody(@Value("${consilium.records.fhir.max-bytes:26214400}") long maxBytes) {
		return new org.consilium.shared.LargeRequestBody("POST", "/api/cases/{id}/fhir-imports",
				org.springframework.util.unit.DataSize.ofBytes(maxBytes));
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> fhirWarmUp(FhirBundleImporter importer, @Value("${consilium.fhir.warm-up:true}") boolean warmUp) {
		return event -> {
			if (!warmUp) {
				return;
			}
			Thread thread = new Thread(() -> {
				long start = System.nanoTime();
				importer.warmUp();
				log.info("FHIR validator warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
			}, "fhir-warm-up");
			thread.setDaemon(true);
			thread.start();
		};
	}
}
