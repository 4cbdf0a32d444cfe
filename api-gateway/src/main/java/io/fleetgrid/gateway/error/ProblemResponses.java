package io.fleetgrid.gateway.error;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes an RFC 9457 problem as the response of an exchange: used by the error handler
 * and by the filters and security handlers that answer a request themselves (401, 403,
 * 413, 429, 503).
 */
@Component
public class ProblemResponses {

	private final ServerResponse.Context responseContext;

	/**
	 * Creates the writer.
	 * @param codecs the server's codecs, used to write the problem as JSON
	 */
	public ProblemResponses(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.responseContext = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	/**
	 * Writes the problem, with the request path as its {@code instance}.
	 * @param exchange the exchange to answer
	 * @param problem the problem (its status is the response status)
	 * @param headers extra response headers, e.g. {@code Retry-After}
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		}
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers((responseHeaders) -> {
				// Problem responses written before the security headers filter ran still
				// must not be sniffed as HTML.
				responseHeaders.set("X-Content-Type-Options", "nosniff");
				headers.accept(responseHeaders);
			})
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.responseContext));
	}

	/**
	 * Writes the problem without extra headers.
	 * @param exchange the exchange to answer
	 * @param problem the problem
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		return write(exchange, problem, (headers) -> {
		});
	}

}
