package io.fleetgrid.observability.web;

import io.fleetgrid.observability.ObservabilityProperties;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the correlation-id and trace-id response headers of a reactive request. The trace
 * id comes from the server observation that WebFlux starts before any filter runs. The
 * headers are set before the chain runs, so error responses (including the gateway's own
 * problem responses) carry them too, and again when the response is committed, so a
 * proxied response carries each header once.
 */
public class ReactiveCorrelationWebFilter implements WebFilter, Ordered {

	/** Early, before security and the gateway's routing. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final ObservabilityProperties.Correlation properties;

	private final ObjectProvider<Tracer> tracer;

	/**
	 * Creates the filter.
	 * @param properties header names
	 * @param tracer the tracer, when tracing is on
	 */
	public ReactiveCorrelationWebFilter(ObservabilityProperties.Correlation properties, ObjectProvider<Tracer> tracer) {
		this.properties = properties;
		this.tracer = tracer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Observation.Context observation = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.orElse(null);
		String traceId = CorrelationIds.traceId(observation, this.tracer.getIfAvailable());
		String correlationId = CorrelationIds
			.resolve(exchange.getRequest().getHeaders().getFirst(this.properties.header()), traceId);
		ServerHttpResponse response = exchange.getResponse();
		setHeaders(response.getHeaders(), correlationId, traceId);
		// Set again just before the response is written: a proxied response (the gateway)
		// brings the service's own copies of these headers, which would otherwise be
		// duplicated. Both carry the same trace.
		response.beforeCommit(() -> {
			setHeaders(response.getHeaders(), correlationId, traceId);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void setHeaders(HttpHeaders headers, String correlationId, @Nullable String traceId) {
		headers.set(this.properties.header(), correlationId);
		if (traceId != null) {
			headers.set(this.properties.traceHeader(), traceId);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
