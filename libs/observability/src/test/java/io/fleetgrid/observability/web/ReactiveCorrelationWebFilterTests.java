package io.fleetgrid.observability.web;

import java.util.concurrent.atomic.AtomicReference;

import io.fleetgrid.observability.ObservabilityProperties;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.reactive.handler.WebFluxResponseStatusExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ReactiveCorrelationWebFilterTests {

	private final TestTracing tracing = new TestTracing();

	private final AtomicReference<String> handlerTraceId = new AtomicReference<>();

	@AfterEach
	void closeTracing() {
		this.tracing.close();
	}

	@Test
	void setsTraceIdOfTheServerObservationAndUsesItAsCorrelationId() {
		MockServerHttpResponse response = handle(MockServerHttpRequest.get("/api/v1/telemetry").build(), false);

		assertThat(this.handlerTraceId.get()).isNotBlank();
		assertThat(response.getHeaders().getFirst("X-Trace-Id")).isEqualTo(this.handlerTraceId.get());
		assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(this.handlerTraceId.get());
	}

	@Test
	void echoesTheCallersCorrelationId() {
		MockServerHttpResponse response = handle(
				MockServerHttpRequest.get("/api/v1/telemetry").header("X-Correlation-Id", "job-17").build(), false);

		assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("job-17");
		assertThat(response.getHeaders().getFirst("X-Trace-Id")).isEqualTo(this.handlerTraceId.get());
	}

	@Test
	void keepsTheHeadersOnErrorResponses() {
		MockServerHttpResponse response = handle(MockServerHttpRequest.get("/nowhere").build(), true);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getFirst("X-Trace-Id")).isEqualTo(this.handlerTraceId.get()).isNotBlank();
	}

	@Test
	void sendsEachHeaderOnceWhenTheHandlerAddedItsOwn() {
		MockServerHttpResponse response = handle(MockServerHttpRequest.get("/api/v1/devices").build(), false,
				"X-Trace-Id");

		assertThat(response.getHeaders().get("X-Trace-Id")).containsExactly(this.handlerTraceId.get());
	}

	private MockServerHttpResponse handle(MockServerHttpRequest request, boolean fail) {
		return handle(request, fail, null);
	}

	private MockServerHttpResponse handle(MockServerHttpRequest request, boolean fail, String proxiedHeader) {
		ObservabilityProperties.Correlation headers = new ObservabilityProperties.Correlation(true, "X-Correlation-Id",
				"X-Trace-Id");
		HttpHandler handler = WebHttpHandlerBuilder.webHandler((exchange) -> {
			this.handlerTraceId.set(ServerRequestObservationContext.findCurrent(exchange.getAttributes())
				.map((context) -> CorrelationIds.traceId(context, null))
				.orElse(null));
			if (proxiedHeader != null) {
				// What a proxied service response brings along (same trace, its own
				// copy).
				exchange.getResponse().getHeaders().add(proxiedHeader, this.handlerTraceId.get());
			}
			return fail ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))
					: exchange.getResponse().setComplete();
		})
			.filter(new ReactiveCorrelationWebFilter(headers, provider(this.tracing.tracer)))
			.exceptionHandler(new WebFluxResponseStatusExceptionHandler())
			.observationRegistry(this.tracing.observationRegistry)
			.build();
		MockServerHttpResponse response = new MockServerHttpResponse();
		handler.handle(request, response).block();
		return response;
	}

	private static ObjectProvider<Tracer> provider(Tracer tracer) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("tracer", tracer);
		return beans.getBeanProvider(Tracer.class);
	}

}
