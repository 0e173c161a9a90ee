package org.consilium.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of the API, reading request bodies with Jackson's problem-collecting reader (Jackson 3.1,
 * {@link ObjectReader#problemCollectingReader()}): a body with several binding faults (unknown fields, a text where a
 * number, date, identifier or one of a list of values belongs) is refused once with all of them, each named by
 * {@link JsonBodyFaults} (issue #11: "JSON errors list every fault the parser reports"), rather than one per attempt.
 * A syntax error still stops the parser at the first fault. Writing is Spring's, unchanged. Jackson stops collecting
 * after {@value tools.jackson.databind.deser.CollectingProblemHandler#DEFAULT_MAX_PROBLEMS} faults.
 */
class CollectingJsonConverter extends JacksonJsonHttpMessageConverter {

	CollectingJsonConverter(JsonMapper mapper) {
		super(mapper);
	}

	/**
	 * Reads the body as {@code type}, collecting binding faults.
	 * @throws HttpMessageNotReadableException with the Jackson failure as its cause (a
	 *         {@link tools.jackson.databind.exc.DeferredBindingException} when faults were collected), which
	 *         {@link ProblemResponses} answers as 400 {@code unreadable-body}
	 */
	@Override
	public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
		JavaType javaType = getMapper().constructType(type.getType());
		ObjectReader reader = customizeReader(getMapper().readerFor(javaType), javaType).problemCollectingReader();
		try (InputStream body = input.getBody()) {
			return reader.readValueCollectingProblems(body);
		}
		catch (JacksonException e) {
			throw new HttpMessageNotReadableException("The JSON body could not be read.", e, input);
		}
	}

	/** Puts the collecting converter in the place of Boot's JSON converter, after Boot's own customizer (order 0). */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		@Order(1)
		ServerHttpMessageConvertersCustomizer collectingJsonConverter(JsonMapper mapper) {
			return builder -> builder.withJsonConverter(new CollectingJsonConverter(mapper));
		}
	}
}
