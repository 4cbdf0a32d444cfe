package io.fleetgrid.observability.web;

import java.util.concurrent.atomic.AtomicReference;

import io.fleetgrid.observability.ObservabilityProperties;
import io.fleetgrid.observability.logging.LogFields;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import static org.assertj.core.api.Assertions.assertThat;

class ServletCorrelationFilterTests {

	private static final ObservabilityProperties.Correlation HEADERS = new ObservabilityProperties.Correlation(true,
			"X-Correlation-Id", "X-Trace-Id");

	private final TestTracing tracing = new TestTracing();

	private final AtomicReference<String> handlerTraceId = new AtomicReference<>();

	private final AtomicReference<String> handlerCorrelationId = new AtomicReference<>();

	@AfterEach
	void closeTracing() {
		this.tracing.close();
	}

	@Test
	void setsTraceIdOfTheRequestSpanAndUsesItAsCorrelationId() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest("GET", "/api/v1/devices"), true);

		assertThat(this.handlerTraceId.get()).isNotBlank();
		assertThat(response.getHeader("X-Trace-Id")).isEqualTo(this.handlerTraceId.get());
		assertThat(response.getHeader("X-Correlation-Id")).isEqualTo(this.handlerTraceId.get());
	}

	@Test
	void echoesTheCallersCorrelationId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.addHeader("X-Correlation-Id", "portal-7f3a:load-devices");

		MockHttpServletResponse response = handle(request, true);

		assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("portal-7f3a:load-devices");
		assertThat(response.getHeader("X-Trace-Id")).isEqualTo(this.handlerTraceId.get());
	}

	@Test
	void replacesAMalformedCorrelationIdWithTheTraceId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.addHeader("X-Correlation-Id", "evil\r\nSet-Cookie: a=b");

		MockHttpServletResponse response = handle(request, true);

		assertThat(response.getHeader("X-Correlation-Id")).isEqualTo(this.handlerTraceId.get());
	}

	@Test
	void replacesAnOverlongCorrelationIdWithTheTraceId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.addHeader("X-Correlation-Id", "a".repeat(CorrelationIds.MAX_LENGTH + 1));

		MockHttpServletResponse response = handle(request, true);

		assertThat(response.getHeader("X-Correlation-Id")).isEqualTo(this.handlerTraceId.get());
	}

	@Test
	void putsTheCorrelationIdInTheMdcOnlyWhileTheRequestIsHandled() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.addHeader("X-Correlation-Id", "corr-1");

		handle(request, true);

		assertThat(this.handlerCorrelationId.get()).isEqualTo("corr-1");
		assertThat(MDC.get(LogFields.CORRELATION_ID)).isNull();
	}

	@Test
	void generatesACorrelationIdAndNoTraceHeaderWhenTheRequestIsNotTraced() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest("GET", "/api/v1/devices"), false);

		assertThat(response.getHeader("X-Trace-Id")).isNull();
		assertThat(response.getHeader("X-Correlation-Id"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	private MockHttpServletResponse handle(MockHttpServletRequest request, boolean traced) throws Exception {
		ObjectProvider<Tracer> tracer = traced ? provider(this.tracing.tracer)
				: new StaticListableBeanFactory().getBeanProvider(Tracer.class);
		ServletCorrelationFilter filter = new ServletCorrelationFilter(HEADERS, tracer);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = traced ? new MockFilterChain(handler(),
				new ServerHttpObservationFilter(this.tracing.observationRegistry), filter)
				: new MockFilterChain(handler(), filter);
		chain.doFilter(request, response);
		return response;
	}

	private Servlet handler() {
		return new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				Span current = ServletCorrelationFilterTests.this.tracing.tracer.currentSpan();
				ServletCorrelationFilterTests.this.handlerTraceId
					.set((current != null) ? current.context().traceId() : null);
				ServletCorrelationFilterTests.this.handlerCorrelationId.set(MDC.get(LogFields.CORRELATION_ID));
				response.setStatus(200);
			}

		};
	}

	private static ObjectProvider<Tracer> provider(Tracer tracer) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("tracer", tracer);
		return beans.getBeanProvider(Tracer.class);
	}

}
