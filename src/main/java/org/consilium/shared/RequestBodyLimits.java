package org.consilium.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The most bytes a request body may hold, applied while it streams (issue #11: six concurrent 665 MB JSON bodies took
 * the heap from 1.3 to 6.5 GB). Every body keeps to {@code consilium.web.max-body-size} (default 1 MB) unless a module
 * declares its endpoint a {@link LargeRequestBody}. A declared {@code Content-Length} over the limit is answered at once,
 * without reading; a longer or chunked body fails on the first byte past the limit, so no more than the limit is ever
 * held. Both answer 413, problem type {@code payload-too-large} (problem JSON under {@code /api}, the error page
 * elsewhere); a 413 makes Tomcat close the connection instead of reading the rest.
 * <p>
 * Multipart bodies are left to the multipart layer (file parts spooled to disk under
 * {@code spring.servlet.multipart.max-file-size} and {@code max-request-size}; field parts and url-encoded forms
 * together under {@code server.tomcat.max-http-form-post-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimits extends OncePerRequestFilter {

	/** Thrown by the body's stream on the first byte past the limit; {@link ProblemResponses} answers it with 413. */
	static final class BodyTooLargeException extends IOException {

		private final long maxBytes;

		BodyTooLargeException(long maxBytes) {
			super("request body over " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		/** The same as a problem, problem type {@code payload-too-large}, HTTP 413. */
		ConsiliumProblem problem() {
			return new ConsiliumProblem("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, userMessage()) {
			};
		}

		String userMessage() {
			return "The request body is larger than " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB, the most this"
					+ " address accepts.";
		}
	}

	private record Larger(String method, PathPattern path, long maxBytes) {
	}

	private final long defaultMaxBytes;

	private final List<Larger> exceptions;

	RequestBodyLimits(@Value("${consilium.web.max-body-size:1MB}") DataSize defaultMaxSize, List<LargeRequestBody> larger) {
		this.defaultMaxBytes = defaultMaxSize.toBytes();
		this.exceptions = larger.stream()
			.map(l -> new Larger(l.method(), PathPatternParser.defaultInstance.parse(l.pathPattern()), l.maxSize().toBytes()))
			.toList();
	}

	/** The limit for this request's body, in bytes. */
	long maxBytes(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return exceptions.stream()
			.filter(e -> e.method().equalsIgnoreCase(request.getMethod()) && e.path().matches(path))
			.mapToLong(Larger::maxBytes)
			.findFirst()
			.orElse(defaultMaxBytes);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, MediaType.MULTIPART_FORM_DATA_VALUE.length())) {
			chain.doFilter(request, response);
			return;
		}
		long maxBytes = maxBytes(request);
		if (request.getContentLengthLong() > maxBytes) {
			refuse(request, response, new BodyTooLargeException(maxBytes));
			return;
		}
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException e) throws IOException {
		HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(status.value());
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"" + ProblemResponses.TYPE_PREFIX + "payload-too-large\",\"title\":\""
				+ status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + e.userMessage()
				+ "\",\"code\":\"payload-too-large\"}");
	}

	/** The request with a body stream that fails past {@code maxBytes}. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream limited;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (limited == null) {
				limited = new CountingStream(super.getInputStream(), maxBytes);
			}
			return limited;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		CountingStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > maxBytes) {
				throw new BodyTooLargeException(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}
}
