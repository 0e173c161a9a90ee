package org.consilium.opinion;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the opinion's PDF ({@code consilium.opinion.*}).
 *
 * @param fontsDir the folder searched (with its sub-folders) for the TrueType fonts embedded in every PDF: Noto Sans
 *        (Latin, Greek, Cyrillic, Vietnamese), Noto Sans Arabic and IPAGothic (Japanese), as Debian's
 *        {@code fonts-noto-core} and {@code fonts-ipafont-gothic} install them; default {@code /usr/share/fonts}
 */
@ConfigurationProperties("consilium.opinion")
public record OpinionPdfSettings(Path fontsDir) {

	public OpinionPdfSettings {
		fontsDir = fontsDir == null ? Path.of("/usr/share/fonts") : fontsDir;
	}
}
