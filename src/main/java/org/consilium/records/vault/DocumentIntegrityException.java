package org.consilium.records.vault;

import java.io.IOException;

/**
 * A stored object that failed its checks: its data key does not unwrap, a segment fails Tink's authentication, or the
 * plaintext does not match the SHA-256 and size in its row. An {@link IOException}, so that a download streaming it is
 * aborted rather than completed. The message names the opaque object key only.
 */
class DocumentIntegrityException extends IOException {

	DocumentIntegrityException(String message, Throwable cause) {
		super(message, cause);
	}
}
