package io.fleetgrid.observability.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

/**
 * How a request's correlation id and trace id are found.
 */
public final class CorrelationIds {

	/** Longest correlation id accepted from a caller. */
	public static final int MAX_LENGTH = 128;

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:/+=-]{1," + MAX_LENGTH + "}");

	private CorrelationIds() {
	}

	/**
	 * The correlation id of a request: the caller's when it is well-formed (letters,
	 * digits and {@code ._:/+=-}, at most {@value #MAX_LENGTH} characters), else the
	 * trace id, else a random UUID.
	 * @param incoming the caller's header value, if any
	 * @param traceId the request's trace id, if traced
	 * @return the correlation id
	 */
	public static String resolve(@Nullable String incoming, @Nullable String traceId) {
		if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
			return incoming;
		}
		if (traceId != null) {
			return traceId;
		}
		return UUID.randomUUID().toString();
	}

	/**
	 * The trace id of the span that a server observation opened, falling back to the
	 * tracer's current span.
	 * @param observationContext the request's server observation context, if observed
	 * @param tracer the tracer, if tracing is on
	 * @return the trace id, or {@code null} when the request is not traced
	 */
	public static @Nullable String traceId(Observation.@Nullable Context observationContext, @Nullable Tracer tracer) {
		if (observationContext != null) {
			TracingContext tracing = observationContext.get(TracingContext.class);
			if (tracing != null && tracing.getSpan() != null) {
				return validTraceId(tracing.getSpan());
			}
		}
		if (tracer != null) {
			Span current = tracer.currentSpan();
			if (current != null) {
				return validTraceId(current);
			}
		}
		return null;
	}

	private static @Nullable String validTraceId(Span span) {
		String traceId = span.context().traceId();
		return (traceId.isEmpty() || span.isNoop()) ? null : traceId;
	}

}
