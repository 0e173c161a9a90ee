package org.consilium.records.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 backend against a real S3-compatible server: S3Proxy (org.gaul:s3proxy, its jar-with-dependencies copied to
 * target/s3proxy by the build) on a filesystem blob store, run as its own process on loopback, with path-style addressing
 * and signed requests, as MinIO or Ceph would be used.
 */
class S3DocumentBackendTests {

	static final String IDENTITY = "consilium-test";

	static final String CREDENTIAL = "consilium-test-secret";

	static final String BUCKET = "consilium-documents";

	@TempDir
	static Path dir;

	static Process s3proxy;

	static String endpoint;

	@BeforeAll
	static void startS3Proxy() throws Exception {
		Path jar = Path.of("target/s3proxy/s3proxy.jar");
		assertThat(jar).as("copied by the build (mvn generate-test-resources)").exists();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		endpoint = "http://127.0.0.1:" + port;
		Path blobs = Files.createDirectories(dir.resolve("blobs"));
		Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
				"s3proxy.endpoint=" + endpoint,
				"s3proxy.authorization=aws-v2-or-v4",
				"s3proxy.identity=" + IDENTITY,
				"s3proxy.credential=" + CREDENTIAL,
				"jclouds.provider=filesystem",
				"jclouds.filesystem.basedir=" + blobs.toAbsolutePath(), ""));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		s3proxy = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "--properties", properties.toString())
			.redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!listening(port)) {
			if (!s3proxy.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start: " + Files.readString(dir.resolve("s3proxy.log")));
			}
			Thread.sleep(200);
		}
		try (S3Client client = client()) {
			client.createBucket(b -> b.bucket(BUCKET));
		}
	}

	@AfterAll
	static void stopS3Proxy() throws Exception {
		if (s3proxy != null) {
			s3proxy.destroy();
			s3proxy.waitFor();
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	static S3Client client() {
		return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1).forcePathStyle(true)
			.requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
			.endpointOverride(java.net.URI.create(endpoint))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL))).build();
	}

	private static S3DocumentBackend backend() {
		return new S3DocumentBackend(new DocumentSettings.S3(endpoint, BUCKET, "us-east-1", true, IDENTITY, CREDENTIAL, "documents/"));
	}

	private DocumentStore store(S3DocumentBackend backend) throws IOException {
		return new DocumentStore(backend, new MasterKeys(Base64.getDecoder().decode(MasterKeys.generate()), null), dir.resolve("spool"), null);
	}

	@Test
	void anObjectRoundTripsEncryptedThroughTheObjectStore() throws Exception {
		try (S3DocumentBackend backend = backend(); S3Client client = client()) {
			DocumentStore store = store(backend);
			byte[] plain = DocumentStoreTests.content(5 * 1024 * 1024 + 3);
			Instant before = Instant.now().minusSeconds(5);
			DocumentStore.Stored stored = store.put(new ByteArrayInputStream(plain), Long.MAX_VALUE);

			byte[] atRest = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("documents/" + stored.key())).asByteArray();
			assertThat(new String(atRest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Jane Example");
			try (InputStream in = store.open(stored)) {
				assertThat(in.readAllBytes()).isEqualTo(plain);
			}
			List<DocumentBackend.StoredObject> listed;
			try (var objects = backend.list()) {
				listed = objects.filter(o -> o.key().equals(stored.key())).toList();
			}
			assertThat(listed).singleElement().satisfies(o -> assertThat(o.lastModified()).isAfter(before));
			assertThat(Files.list(dir.resolve("spool"))).as("spool file removed after the PUT").isEmpty();

			store.delete(stored.key());
			assertThatThrownBy(() -> store.open(stored)).isInstanceOf(NoSuchFileException.class);
		}
	}

	@Test
	void aTamperedObjectOrRowHashInTheObjectStoreIsNeverServed() throws Exception {
		try (S3DocumentBackend backend = backend(); S3Client client = client()) {
			DocumentStore store = store(backend);
			DocumentStore.Stored stored = store.put(new ByteArrayInputStream(DocumentStoreTests.content(300_000)), Long.MAX_VALUE);
			DocumentStore.Stored tamperedRow = new DocumentStore.Stored(stored.key(), stored.sizeBytes(), "0".repeat(64), stored.wrappedDataKey(),
					stored.masterKeyId());
			assertThatThrownBy(() -> store.open(tamperedRow)).isInstanceOf(DocumentIntegrityException.class);

			String name = "documents/" + stored.key();
			byte[] atRest = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(name)).asByteArray();
			atRest[atRest.length / 2] ^= 0x01;
			client.putObject(b -> b.bucket(BUCKET).key(name), RequestBody.fromBytes(atRest));
			assertThatThrownBy(() -> store.open(stored)).isInstanceOf(DocumentIntegrityException.class);
		}
	}
}
