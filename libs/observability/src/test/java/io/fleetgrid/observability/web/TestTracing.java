package io.fleetgrid.observability.web;

import brave.Tracing;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;

/**
 * A real Brave tracer behind an observation registry, as Spring Boot wires them.
 */
final class TestTracing implements AutoCloseable {

	private final Tracing tracing = Tracing.newBuilder()
		.currentTraceContext(ThreadLocalCurrentTraceContext.create())
		// Any handler replaces Brave's default one, which logs every finished span.
		.addSpanHandler(new SpanHandler() {
		})
		.build();

	final Tracer tracer = new BraveTracer(this.tracing.tracer(),
			new BraveCurrentTraceContext(this.tracing.currentTraceContext()));

	final ObservationRegistry observationRegistry = ObservationRegistry.create();

	TestTracing() {
		this.observationRegistry.observationConfig()
			.observationHandler(new DefaultTracingObservationHandler(this.tracer));
	}

	@Override
	public void close() {
		this.tracing.close();
	}

}
