package org.consilium.records.vault;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code consilium.documents.*} settings of the document store (see README, "Document keys").
 *
 * @param backend {@code filesystem} (the default: {@code consilium.data-dir}/documents) or {@code s3}
 * @param masterKey the master key that wraps every document's data key: 32 random bytes in Base64
 *        ({@code openssl rand -base64 32}); from configuration or the environment ({@code CONSILIUM_DOCUMENTS_MASTER_KEY}),
 *        never from the repository
 * @param masterKeyFile a file holding that Base64 key instead (e.g. a mounted secret)
 * @param previousMasterKey the master key being retired: when set, every data key it wraps is re-wrapped with
 *        {@code masterKey} at start-up ({@link DocumentKeyRotation}); content is not rewritten
 * @param previousMasterKeyFile a file holding the retired key instead
 * @param s3 the object store, for {@code backend = s3}
 * @param sweeper removal of stored objects that never got a record (a crash between the two steps of an upload)
 * @param crashTestPauseMarker a test hook only: after an upload's bytes are stored and before its row is written, the
 *        upload creates this file and waits forever, so a test can kill the process at exactly that point
 */
@ConfigurationProperties("consilium.documents")
record DocumentSettings(@DefaultValue("filesystem") String backend, String masterKey, Path masterKeyFile, String previousMasterKey,
		Path previousMasterKeyFile, @DefaultValue S3 s3, @DefaultValue Sweeper sweeper, Path crashTestPauseMarker) {

	/**
	 * @param endpoint the S3 API's URL (e.g. {@code http://minio:9000}); unset means AWS S3 of the region
	 * @param bucket the bucket that holds the encrypted objects (it must exist)
	 * @param region the signing region ({@code us-east-1} for most S3-compatible servers)
	 * @param pathStyle address the bucket in the path ({@code host/bucket/key}), as MinIO and Ceph usually need
	 * @param accessKeyId with {@code secretAccessKey}: static credentials; unset means the AWS default chain
	 *        (environment, profile, instance role)
	 * @param prefix a key prefix inside the bucket, e.g. {@code documents/}
	 */
	record S3(String endpoint, String bucket, @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
			String accessKeyId, String secretAccessKey, @DefaultValue("") String prefix) {
	}

	/**
	 * @param grace how old an object without a record must be before it is removed; longer than any upload takes
	 * @param interval how often the sweeper runs (first run one interval after start)
	 */
	record Sweeper(@DefaultValue("PT24H") Duration grace, @DefaultValue("PT1H") Duration interval) {
	}
}
