package io.fleetgrid.observability.web;

import io.fleetgrid.observability.ObservabilityProperties;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the correlation-id and trace-id response headers of a reactive request. The trace
 * id comes from the server observation that WebFlux starts before any filter runs. The
 * headers are set before the chain runs, so error responses (including the gateway's own
 * problem responses) carry them too.
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
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(this.properties.header(), correlationId);
		if (traceId != null) {
			headers.set(this.properties.traceHeader(), traceId);
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
