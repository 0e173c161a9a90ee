package org.consilium.shared;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body without a length (chunked) is cut off while it streams: the filter never lets more than the limit through. */
class RequestBodyLimitsTests {

	/** An endless body of spaces that counts what was taken from it. */
	private static final class EndlessBody extends ServletInputStream {

		long taken;

		@Override
		public int read() {
			taken++;
			return ' ';
		}

		@Override
		public int read(byte[] b, int off, int len) {
			java.util.Arrays.fill(b, off, off + len, (byte) ' ');
			taken += len;
			return len;
		}

		@Override
		public boolean isFinished() {
			return false;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
		}
	}

	private static MockHttpServletRequest chunked(String path, EndlessBody body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public ServletInputStream getInputStream() {
				return body;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContentType("application/json");
		return request;
	}

	private final RequestBodyLimits limits = new RequestBodyLimits(DataSize.ofMegabytes(1),
			List.of(new LargeRequestBody("POST", "/api/cases/{id}/fhir-imports", DataSize.ofMegabytes(25))));

	@Test
	void anEndlessJsonBodyStopsOneByteAfterOneMegabyte() {
		EndlessBody body = new EndlessBody();
		assertThatThrownBy(() -> limits.doFilter(chunked("/api/cases", body), new MockHttpServletResponse(),
				(request, response) -> ((HttpServletRequest) request).getInputStream().readAllBytes()))
			.isInstanceOf(RequestBodyLimits.BodyTooLargeException.class)
			.hasMessageContaining("1048576 bytes");
		assertThat(body.taken).isEqualTo(DataSize.ofMegabytes(1).toBytes() + 1);
	}

	@Test
	void theFhirImportTakesItsOwnLimitAndOtherEndpointsTheDefault() {
		assertThat(limits.maxBytes(chunked("/api/cases/3f0b6a62-0d4b-4cf5-b3d2-1f1a3a0a9b11/fhir-imports", new EndlessBody())))
			.isEqualTo(DataSize.ofMegabytes(25).toBytes());
		assertThat(limits.maxBytes(chunked("/api/cases/3f0b6a62-0d4b-4cf5-b3d2-1f1a3a0a9b11/draft", new EndlessBody())))
			.isEqualTo(DataSize.ofMegabytes(1).toBytes());
		EndlessBody body = new EndlessBody();
		assertThatThrownBy(() -> limits.doFilter(chunked("/api/cases/3f0b6a62-0d4b-4cf5-b3d2-1f1a3a0a9b11/fhir-imports", body),
				new MockHttpServletResponse(), (request, response) -> ((HttpServletRequest) request).getReader().transferTo(java.io.Writer.nullWriter())))
			.isInstanceOf(RequestBodyLimits.BodyTooLargeException.class);
		assertThat(body.taken).isEqualTo(DataSize.ofMegabytes(25).toBytes() + 1);
	}
}
