package org.consilium.records;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits and the virus scanner ({@code consilium.records.*}).
 *
 * @param maxFileSize the largest single upload (default 100 MB); also the multipart layer's limit
 * @param maxCaseSize the most bytes a case may hold, counting an archive by its uncompressed size (default 2 GB)
 * @param maxCaseFiles the most documents a case may hold; an archive counts as one (default 500)
 * @param archive limits of a ZIP archive, checked from its central directory before anything is extracted
 * @param clamd the ClamAV daemon; scanning is on when {@code host} or {@code socket} is set
 */
@ConfigurationProperties("consilium.records")
record RecordsSettings(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("2GB") DataSize maxCaseSize,
		@DefaultValue("500") int maxCaseFiles, @DefaultValue Archive archive, @DefaultValue Clamd clamd) {

	/**
	 * @param maxEntries the most entries (files and folders) in one archive (default 10,000)
	 * @param maxUncompressedSize the most bytes all entries hold together once uncompressed (default 2 GB)
	 * @param maxCompressionRatio the most uncompressed bytes per compressed byte (default 100), for the whole archive and
	 *        for each entry larger than {@link ZipInspection#RATIO_EXEMPT_BYTES}
	 */
	record Archive(@DefaultValue("10000") int maxEntries, @DefaultValue("2GB") DataSize maxUncompressedSize,
			@DefaultValue("100") int maxCompressionRatio) {
	}

	/**
	 * @param host host name of clamd's TCP socket ({@code TCPSocket}/{@code TCPAddr} in clamd.conf)
	 * @param port its port (default 3310)
	 * @param socket path of clamd's unix socket ({@code LocalSocket}); used instead of host and port when set
	 * @param timeout how long to wait for clamd on TCP (default 2 minutes; clamd's own scan time limit is 2 minutes)
	 */
	record Clamd(String host, @DefaultValue("3310") int port, Path socket, @DefaultValue("2m") Duration timeout) {

		boolean configured() {
			return (host != null && !host.isBlank()) || socket != null;
		}
	}
}
