package io.fleetgrid.observability.web;

import java.io.IOException;

import io.fleetgrid.observability.ObservabilityProperties;
import io.fleetgrid.observability.logging.LogFields;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Sets the correlation-id and trace-id response headers of a servlet request and puts the
 * correlation id in the MDC while the request is handled. Ordered right after Spring
 * Boot's {@link ServerHttpObservationFilter}, which starts the request's span, and before
 * security, so rejected requests carry the headers too.
 */
public class ServletCorrelationFilter extends OncePerRequestFilter implements Ordered {

	/** Right after the server observation filter ({@code HIGHEST_PRECEDENCE + 1}). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final ObservabilityProperties.Correlation properties;

	private final ObjectProvider<Tracer> tracer;

	/**
	 * Creates the filter.
	 * @param properties header names
	 * @param tracer the tracer, when tracing is on
	 */
	public ServletCorrelationFilter(ObservabilityProperties.Correlation properties, ObjectProvider<Tracer> tracer) {
		this.properties = properties;
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Observation.Context observation = ServerHttpObservationFilter.findObservationContext(request).orElse(null);
		String traceId = CorrelationIds.traceId(observation, this.tracer.getIfAvailable());
		String correlationId = CorrelationIds.resolve(request.getHeader(this.properties.header()), traceId);
		response.setHeader(this.properties.header(), correlationId);
		if (traceId != null) {
			response.setHeader(this.properties.traceHeader(), traceId);
		}
		MDC.put(LogFields.CORRELATION_ID, correlationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(LogFields.CORRELATION_ID);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
