package org.consilium.records.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the document master key comes from, and when the application refuses to start. */
class MasterKeysTests {

	@TempDir
	Path dataDir;

	private static DocumentSettings settings(String key, Path keyFile, String previous) {
		return new DocumentSettings("filesystem", key, keyFile, previous, null, null, null, null);
	}

	@Test
	void withoutAConfiguredKeyOneIsGeneratedOnceReadableOnlyByItsOwner() throws Exception {
		MasterKeys first = MasterKeys.load(settings(null, null, null), dataDir, false);
		Path file = dataDir.resolve(MasterKeys.GENERATED_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		MasterKeys again = MasterKeys.load(settings(null, null, null), dataDir, false);
		assertThat(again.current().id()).isEqualTo(first.current().id());
	}

	@Test
	void theProdProfileRefusesToStartWithoutAConfiguredKey() {
		assertThatThrownBy(() -> MasterKeys.load(settings(null, null, null), dataDir, true)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("prod profile").hasMessageContaining("consilium.documents.master-key");
		assertThat(dataDir.resolve(MasterKeys.GENERATED_FILE)).doesNotExist();
	}

	@Test
	void aConfiguredKeyOrKeyFileIsUsedAndNothingIsGenerated() throws Exception {
		String key = MasterKeys.generate();
		MasterKeys fromValue = MasterKeys.load(settings(key, null, null), dataDir, true);
		Path file = Files.writeString(dataDir.resolve("secret"), key + "\n");
		MasterKeys fromFile = MasterKeys.load(settings(null, file, null), dataDir, true);
		assertThat(fromFile.current().id()).isEqualTo(fromValue.current().id());
		assertThat(dataDir.resolve(MasterKeys.GENERATED_FILE)).doesNotExist();
	}

	@Test
	void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> MasterKeys.load(settings(shortKey, null, null), dataDir, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("16 bytes").hasMessageContaining("consilium.documents.master-key").hasMessageNotContaining(shortKey);
		assertThatThrownBy(() -> MasterKeys.load(settings("not base64!", null, null), dataDir, false)).hasMessageContaining("not Base64");
	}

	@Test
	void duringARotationBothKeysAreKnownAndAnyOtherIsNot() throws Exception {
		String oldKey = MasterKeys.generate();
		MasterKeys old = MasterKeys.load(settings(oldKey, null, null), dataDir, false);
		MasterKeys rotating = MasterKeys.load(settings(MasterKeys.generate(), null, oldKey), dataDir, false);
		assertThat(rotating.previous().id()).isEqualTo(old.current().id());
		assertThat(rotating.forId(old.current().id())).isNotNull();
		assertThatThrownBy(() -> rotating.forId("0000000000000000")).isInstanceOf(java.security.GeneralSecurityException.class);
		assertThatThrownBy(() -> MasterKeys.load(settings(oldKey, null, oldKey), dataDir, false)).hasMessageContaining("same");
	}
}
