package org.consilium.records;

import java.io.InputStream;

/** A document's bytes for download, with its metadata. The caller closes the stream. */
public record DocumentContent(DocumentView document, InputStream content) {
}
