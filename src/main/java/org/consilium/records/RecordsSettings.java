package org.consilium.records;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits of a case ({@code consilium.records.*}). The archive limits ({@code consilium.records.archive.*}) and
 * the virus scanner ({@code consilium.records.clamd.*}) are the vault's settings.
 *
 * @param maxFileSize the largest single upload (default 100 MB); also the multipart layer's limit
 * @param maxCaseSize the most bytes a case may hold, counting an archive by its uncompressed size (default 2 GB)
 * @param maxCaseFiles the most documents a case may hold; an archive counts as one (default 500)
 */
@ConfigurationProperties("consilium.records")
record RecordsSettings(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("2GB") DataSize maxCaseSize,
		@DefaultValue("500") int maxCaseFiles) {
}
