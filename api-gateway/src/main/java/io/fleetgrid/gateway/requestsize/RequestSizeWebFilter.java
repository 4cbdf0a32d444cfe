package io.fleetgrid.gateway.requestsize;

import java.util.List;

import io.fleetgrid.gateway.error.GatewayProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than the path's limit with 413 problem+json. A declared
 * {@code Content-Length} is checked at once; a body without one (chunked) is read up to
 * the limit before the request goes on, so an oversized stream never reaches a service.
 * Runs first among the gateway's own filters (before rate limiting and security).
 */
public class RequestSizeWebFilter implements WebFilter, Ordered {

	/** Just after the correlation filters. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final DataSize defaultMax;

	private final List<CompiledLimit> limits;

	/**
	 * Creates the filter.
	 * @param properties the limits
	 */
	public RequestSizeWebFilter(RequestSizeProperties properties) {
		this.defaultMax = properties.max();
		this.limits = properties.paths()
			.stream()
			.map((limit) -> new CompiledLimit(PathPatternParser.defaultInstance.parse(limit.pattern()), limit.max()))
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		DataSize max = limitOf(request);
		long contentLength = request.getHeaders().getContentLength();
		if (contentLength > max.toBytes()) {
			return Mono.error(tooLarge(max));
		}
		if (contentLength >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, max.toBytes()))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(max))
			.map((body) -> (ServerHttpRequest) new BufferedRequest(request, body))
			.defaultIfEmpty(request)
			.flatMap((buffered) -> chain.filter(exchange.mutate().request(buffered).build()));
	}

	private DataSize limitOf(ServerHttpRequest request) {
		for (CompiledLimit limit : this.limits) {
			if (limit.pattern().matches(request.getPath().pathWithinApplication())) {
				return limit.max();
			}
		}
		return this.defaultMax;
	}

	private static GatewayProblemException tooLarge(DataSize max) {
		return new GatewayProblemException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the " + max.toKilobytes() + " KiB allowed here.", null, null);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private record CompiledLimit(PathPattern pattern, DataSize max) {
	}

	private static final class BufferedRequest extends ServerHttpRequestDecorator {

		private final DataBuffer body;

		BufferedRequest(ServerHttpRequest delegate, DataBuffer body) {
			super(delegate);
			this.body = body;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.just(this.body);
		}

	}

}
