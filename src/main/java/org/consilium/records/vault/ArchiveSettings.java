package org.consilium.records.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an uploaded ZIP archive ({@code consilium.records.archive.*}), checked from its central directory before
 * anything is extracted.
 *
 * @param maxEntries the most entries (files and folders) in one archive (default 10,000)
 * @param maxUncompressedSize the most bytes all entries hold together once uncompressed (default 2 GB)
 * @param maxCompressionRatio the most uncompressed bytes per compressed byte (default 100), for the whole archive and
 *        for each entry larger than {@link ZipInspection#RATIO_EXEMPT_BYTES}
 */
@ConfigurationProperties("consilium.records.archive")
record ArchiveSettings(@DefaultValue("10000") int maxEntries, @DefaultValue("2GB") DataSize maxUncompressedSize,
		@DefaultValue("100") int maxCompressionRatio) {
}
