package org.consilium.records.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.TestDocuments;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.records.DocumentUnavailableException;
import org.consilium.records.DocumentView;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/** The document store inside the application: rows and objects, the sweeper, missing and tampered content, key rotation. */
@ConsiliumIntegrationTest
class DocumentStorageTests {

	@Autowired
	RecordsManagement records;

	@Autowired
	IntakeManagement intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DocumentStore store;

	@Autowired
	DocumentBackend backend;

	@Autowired
	DocumentSweeper sweeper;

	@Autowired
	MasterKeys keys;

	@Autowired
	MockMvc mvc;

	@Value("${consilium.data-dir}")
	Path dataDir;

	private Actor patient;

	private UUID caseId;

	private DocumentView upload() {
		patient = accounts.create(Role.PATIENT);
		caseId = cases.draft(patient);
		return records.uploadDocument(patient, new CaseId(caseId), "Befund Müller.pdf", new ByteArrayInputStream(TestDocuments.pdf()));
	}

	private Path objectFile(UUID documentId) {
		return ((FilesystemDocumentBackend) backend).path(storageKey(documentId));
	}

	private String storageKey(UUID documentId) {
		return jdbc.sql("SELECT storage_key FROM records.document WHERE id = ?").param(documentId).query(String.class).single();
	}

	@Test
	void theObjectIsStoredEncryptedUnderItsOpaqueKeyWithItsWrappedDataKeyInTheRow() throws Exception {
		DocumentView doc = upload();
		Path file = objectFile(doc.id().value());
		assertThat(file.getFileName().toString()).doesNotContain("Befund").isEqualTo(storageKey(doc.id().value()));
		assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		assertThat(jdbc.sql("SELECT master_key_id FROM records.document WHERE id = ?").param(doc.id().value()).query(String.class).single())
			.isEqualTo(keys.current().id());
	}

	@Test
	void theSweeperRemovesOldBytesWithoutARowAndKeepsRecordsAndRecentUploads() throws Exception {
		DocumentView doc = upload();
		Path committed = objectFile(doc.id().value());
		Files.setLastModifiedTime(committed, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
		DocumentStore.Stored oldOrphan = store.put(new ByteArrayInputStream(TestDocuments.pdf()), Long.MAX_VALUE);
		Path oldOrphanFile = ((FilesystemDocumentBackend) backend).path(oldOrphan.key());
		Files.setLastModifiedTime(oldOrphanFile, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		DocumentStore.Stored youngOrphan = store.put(new ByteArrayInputStream(TestDocuments.pdf()), Long.MAX_VALUE);
		Path staleSpool = Files.writeString(dataDir.resolve("documents/incoming/upload-stale.part"), "x");
		Files.setLastModifiedTime(staleSpool, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

		DocumentSweeper.Sweep sweep = sweeper.sweep();

		assertThat(oldOrphanFile).doesNotExist();
		assertThat(staleSpool).doesNotExist();
		assertThat(((FilesystemDocumentBackend) backend).path(youngOrphan.key())).as("within the grace period").exists();
		assertThat(committed).as("it has a row").exists();
		assertThat(sweep.removedObjects()).isGreaterThanOrEqualTo(1);
		try (InputStream in = records.openDocument(patient, new CaseId(caseId), doc.id()).content()) {
			assertThat(in.readAllBytes()).isEqualTo(TestDocuments.pdf());
		}
	}

	@Test
	void aRecordWhoseBytesAreMissingStaysListedAndSaysSoToTheReader() throws Exception {
		DocumentView doc = upload();
		Files.delete(objectFile(doc.id().value()));

		assertThat(records.records(patient, new CaseId(caseId)).documents()).extracting(DocumentView::id).contains(doc.id());
		assertThatThrownBy(() -> records.openDocument(patient, new CaseId(caseId), doc.id())).isInstanceOf(DocumentUnavailableException.class)
			.hasMessageContaining("missing");
		assertThat(sweeper.sweep().documentsWithoutBytes()).contains(doc.id().value());
		mvc.perform(get("/cases/{id}/documents/{documentId}", caseId, doc.id()).with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("stored content of this document is missing")));
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'records.document.read' AND outcome = 'FAILED'")
			.param(caseId).query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aTamperedObjectOrATamperedRowHashIsNeverServed() throws Exception {
		DocumentView doc = upload();
		Path file = objectFile(doc.id().value());
		byte[] original = Files.readAllBytes(file);
		DocumentStoreTests.flipByte(file, original.length / 2);
		assertThatThrownBy(() -> records.openDocument(patient, new CaseId(caseId), doc.id())).isInstanceOf(DocumentUnavailableException.class)
			.hasMessageContaining("integrity check");
		Files.write(file, original);

		jdbc.sql("UPDATE records.document SET sha256 = ? WHERE id = ?").params("0".repeat(64), doc.id().value()).update();
		assertThatThrownBy(() -> records.openDocument(patient, new CaseId(caseId), doc.id())).isInstanceOf(DocumentUnavailableException.class)
			.hasMessageContaining("integrity check");
	}

	@Test
	void keyRotationReWrapsEveryDataKeyWithoutTouchingTheContent() throws Exception {
		DocumentView doc = upload();
		byte[] ciphertext = Files.readAllBytes(objectFile(doc.id().value()));
		byte[] oldKey = Base64.getDecoder().decode(Files.readString(dataDir.resolve(MasterKeys.GENERATED_FILE)).strip());
		byte[] newKey = Base64.getDecoder().decode(MasterKeys.generate());
		MasterKeys transition = new MasterKeys(newKey, oldKey);
		DocumentKeyRotation rotation = new DocumentKeyRotation(jdbc,
				new DocumentStore(backend, transition, dataDir.resolve("documents/incoming"), null), transition);
		try {
			rotation.run(null);

			assertThat(jdbc.sql("SELECT count(*) FROM records.document WHERE master_key_id = ?").param(keys.current().id()).query(Long.class)
				.single()).isZero();
			assertThat(Files.readAllBytes(objectFile(doc.id().value()))).as("content untouched").isEqualTo(ciphertext);
			DocumentStore withNewKeyOnly = new DocumentStore(backend, new MasterKeys(newKey, null), dataDir.resolve("documents/incoming"), null);
			record Row(String storageKey, long sizeBytes, String sha256, byte[] wrappedDataKey, String masterKeyId) {
			}
			Row row = jdbc.sql("SELECT storage_key, size_bytes, sha256, wrapped_data_key, master_key_id FROM records.document WHERE id = ?")
				.param(doc.id().value()).query(Row.class).single();
			assertThat(row.masterKeyId()).isEqualTo(transition.current().id());
			try (InputStream in = withNewKeyOnly.open(new DocumentStore.Stored(row.storageKey(), row.sizeBytes(), row.sha256(),
					row.wrappedDataKey(), row.masterKeyId()))) {
				assertThat(in.readAllBytes()).isEqualTo(TestDocuments.pdf());
			}
			assertThat(rotation.rewrap(keys.current().id())).as("nothing left to do").isZero();
		}
		finally {
			MasterKeys back = new MasterKeys(oldKey, newKey);
			new DocumentKeyRotation(jdbc, new DocumentStore(backend, back, dataDir.resolve("documents/incoming"), null), back).run(null);
		}
		try (InputStream in = records.openDocument(patient, new CaseId(caseId), doc.id()).content()) {
			assertThat(in.readAllBytes()).isEqualTo(TestDocuments.pdf());
		}
	}
}
