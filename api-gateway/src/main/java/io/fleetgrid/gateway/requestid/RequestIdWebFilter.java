package io.fleetgrid.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when well-formed (letters,
 * digits and {@code ._:-}, at most 128 characters), else a random UUID. The id is
 * forwarded to the service (replacing a malformed one) and set on the response, also on
 * the gateway's own error responses. It is kept as the exchange attribute
 * {@link #ATTRIBUTE}.
 */
@Component
public class RequestIdWebFilter implements WebFilter, Ordered {

	/** The header, on the request and the response. */
	public static final String HEADER = "X-Request-Id";

	/** Exchange attribute holding the request id. */
	public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

	/** Right after the correlation filter of libs/observability. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = resolve(exchange.getRequest().getHeaders().getFirst(HEADER));
		exchange.getAttributes().put(ATTRIBUTE, id);
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set(HEADER, id);
		// A proxied response brings the service's copy; keep exactly one.
		response.beforeCommit(() -> {
			response.getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

	static String resolve(@Nullable String incoming) {
		if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
			return incoming;
		}
		return UUID.randomUUID().toString();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
