package org.consilium.records.vault;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploaded names keep their letters and lose whatever could fool a reader or a file system. */
class FileNamesTests {

	@Test
	void keepsUnicodeLettersInNfc() {
		String decomposed = Normalizer.normalize("Ärztebrief_Núñez.pdf", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Ärztebrief_Núñez.pdf");
		assertThat(FileNames.clean(decomposed)).isEqualTo("Ärztebrief_Núñez.pdf");
		assertThat(FileNames.clean("診断書 2026.pdf")).isEqualTo("診断書 2026.pdf");
	}

	/** Found by the fuzz test: a zero-width space between a letter and its accent kept the two apart after its removal. */
	@Test
	void isNfcAlsoWhereARemovedCharacterStoodBetweenALetterAndItsAccent() {
		assertThat(FileNames.clean("Nu\u200Bn\u0303ez.pdf")).isEqualTo("Nuñez.pdf");
		assertThat(Normalizer.isNormalized(FileNames.clean("e\u200B\u0301.pdf"), Normalizer.Form.NFC)).isTrue();
	}

	@Test
	void stripsBidirectionalOverridesAndIsolatesAndMarks() {
		assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.clean("a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u200Bl.txt")).isEqualTo("abcdefghijkl.txt");
	}

	@Test
	void stripsControlCharactersAndPathSeparators() {
		assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.clean("C:\\Users\\x\\Befund\r\n\u0000.pdf")).isEqualTo("Befund.pdf");
		assertThat(FileNames.clean("..")).isEqualTo("document");
		assertThat(FileNames.clean("\u202E")).isEqualTo("document");
		assertThat(FileNames.clean(null)).isEqualTo("document");
	}

	@Test
	void cutsVeryLongNames() {
		assertThat(FileNames.clean("x".repeat(1000) + ".pdf")).hasSize(FileNames.MAX_LENGTH);
	}
}
