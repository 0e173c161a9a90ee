package org.consilium.records.vault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The document store from {@code consilium.documents.*}: the master keys, the backend ({@code filesystem} under
 * {@code consilium.data-dir}/documents, or {@code s3}), the sweeper and the key rotation. Uploads are spooled (encrypted)
 * under {@code consilium.data-dir}/documents/incoming. Also the virus scanner that checks an upload before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
@EnableScheduling
class DocumentStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentStoreConfiguration.class);

	@Bean
	MasterKeys documentMasterKeys(DocumentSettings settings, @Value("${consilium.data-dir}") Path dataDir, Environment environment)
			throws IOException {
		return MasterKeys.load(settings, dataDir, environment.matchesProfiles("prod"));
	}

	@Bean
	DocumentBackend documentBackend(DocumentSettings settings, @Value("${consilium.data-dir}") Path dataDir) throws IOException {
		return switch (settings.backend()) {
			case "filesystem" -> new FilesystemDocumentBackend(dataDir.resolve("documents"));
			case "s3" -> new S3DocumentBackend(settings.s3());
			default -> throw new IllegalStateException(
					"consilium.documents.backend is '" + settings.backend() + "'; it must be 'filesystem' or 's3'.");
		};
	}

	@Bean
	DocumentStore documentStore(DocumentBackend backend, MasterKeys keys, DocumentSettings settings,
			@Value("${consilium.data-dir}") Path dataDir) throws IOException {
		return new DocumentStore(backend, keys, spool(dataDir), settings.crashTestPauseMarker());
	}

	@Bean
	DocumentSweeper documentSweeper(DocumentBackend backend, DocumentSettings settings, @Value("${consilium.data-dir}") Path dataDir,
			JdbcClient jdbc, Clock clock) {
		return new DocumentSweeper(backend, spool(dataDir), jdbc, settings.sweeper().grace(), clock);
	}

	@Bean
	DocumentKeyRotation documentKeyRotation(JdbcClient jdbc, DocumentStore store, MasterKeys keys) {
		return new DocumentKeyRotation(jdbc, store, keys);
	}

	/**
	 * ClamAV through clamd when {@code consilium.records.clamd.host} or {@code .socket} is set. Otherwise, with
	 * {@code consilium.records.scan-required=true} (the {@code prod} profile's default) every upload is refused
	 * ({@link VirusScanner#REFUSE}); without it documents are stored as not scanned ({@link VirusScanner#NONE}).
	 */
	@Bean
	VirusScanner virusScanner(ClamdSettings clamd, @Value("${consilium.records.scan-required:false}") boolean scanRequired) {
		if (!clamd.configured()) {
			if (scanRequired) {
				log.warn("No virus scanner configured (consilium.records.clamd.*) and consilium.records.scan-required is on: every upload is refused");
				return VirusScanner.REFUSE;
			}
			log.info("No virus scanner configured (consilium.records.clamd.*): documents are stored as not scanned");
			return VirusScanner.NONE;
		}
		return new ClamdScanner(clamd);
	}

	private static Path spool(Path dataDir) {
		return dataDir.resolve("documents").resolve("incoming");
	}
}
