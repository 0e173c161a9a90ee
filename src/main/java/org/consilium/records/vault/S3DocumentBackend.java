package org.consilium.records.vault;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Objects in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...) through the AWS SDK v2: bucket
 * {@code consilium.documents.s3.bucket}, object name {@code <prefix><key>}. An object is written in one PUT from the
 * finished, encrypted file, so it exists complete or not at all.
 */
class S3DocumentBackend implements DocumentBackend, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3DocumentBackend(DocumentSettings.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException("consilium.documents.backend=s3 needs consilium.documents.s3.bucket.");
		}
		S3ClientBuilder builder = S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			// Checksums only where S3 requires them: the SDK's default trailing CRC checksums (aws-chunked uploads) are
			// not implemented by many S3-compatible servers; integrity is ours anyway (Tink segments and SHA-256).
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		if (settings.accessKeyId() != null && !settings.accessKeyId().isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		this.s3 = builder.build();
		this.bucket = settings.bucket();
		this.prefix = settings.prefix();
	}

	@Override
	public void put(String key, Path file) throws IOException {
		try {
			s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType("application/octet-stream"), RequestBody.fromFile(file));
		}
		catch (SdkException e) {
			throw new IOException("The object store did not take the document object: " + e.getMessage(), e);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return s3.getObject(b -> b.bucket(bucket).key(prefix + key));
		}
		catch (NoSuchKeyException e) {
			throw new NoSuchFileException(prefix + key);
		}
		catch (SdkException e) {
			throw new IOException("The object store did not answer for a document object: " + e.getMessage(), e);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
		}
		catch (SdkException e) {
			throw new IOException("The object store did not delete a document object: " + e.getMessage(), e);
		}
	}

	/** The objects under the prefix whose names are document keys; anything else in the bucket is never listed (nor swept). */
	@Override
	public Stream<StoredObject> list() throws IOException {
		try {
			return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
				.map(o -> new StoredObject(o.key().substring(prefix.length()), o.lastModified()))
				.filter(o -> FilesystemDocumentBackend.isKey(o.key()));
		}
		catch (SdkException e) {
			throw new IOException("The object store did not list the document objects: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		s3.close();
	}
}
