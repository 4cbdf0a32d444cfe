package io.fleetgrid.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.observability.logging.LogFields;
import io.fleetgrid.observability.web.CorrelationIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Serves {@code POST /api/v1/telemetry} directly in front of the servlet filter chain:
 * the request never enters the server observation, the correlation filter, Spring
 * Security's JWT chain or the MVC dispatcher, which together cost several times more CPU
 * per single-event POST than authenticating, validating and publishing the event (see the
 * README, "The direct path").
 * <p>
 * Nothing is skipped that the endpoint needs: the path is a public path of the security
 * library (devices are no JWT clients) and the device's Basic credentials are checked by
 * {@link TelemetryReceiver} exactly as before, as are the body limit, validation, rate
 * limits, duplicates and the wait for Kafka. The MVC answers are kept: 415 for a content
 * type other than {@code application/json}, 406 for an {@code Accept} that excludes JSON,
 * every refusal as problem+json ({@link IngestProblemHandler}'s document and headers).
 * What the filter adds itself: the correlation id (the caller's {@code X-Correlation-Id}
 * when well-formed, else a new one on refusals only, in the header and the MDC),
 * {@code X-Content-Type-Options} and {@code Cache-Control} as Spring Security would, and
 * a timer {@code fleetgrid.ingest.http.requests} by status instead of the
 * {@code http.server.requests} observation (no span per device request: nothing
 * downstream continues the trace, the Kafka records carry none). Only exactly
 * {@code POST /api/v1/telemetry} is served; any other method or a path with parameters or
 * encodings goes on through the normal chain.
 */
final class DirectTelemetryFilter implements Filter {

	/** The endpoint. */
	static final String PATH = "/api/v1/telemetry";

	static final String TIMER = "fleetgrid.ingest.http.requests";

	private static final Logger LOGGER = LoggerFactory.getLogger(DirectTelemetryFilter.class);

	private static final byte[] ACCEPTED_PREFIX = "{\"accepted\":".getBytes(StandardCharsets.US_ASCII);

	private final TelemetryReceiver receiver;

	private final MeterRegistry meters;

	private final String correlationHeader;

	private final JsonMapper problemMapper = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * Creates the filter.
	 * @param receiver the endpoint's steps
	 * @param meters where the request timer goes
	 * @param correlationHeader the correlation-id header, or null if correlation is off
	 */
	DirectTelemetryFilter(TelemetryReceiver receiver, MeterRegistry meters, String correlationHeader) {
		this.receiver = receiver;
		this.meters = meters;
		this.correlationHeader = correlationHeader;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response) || !isDirect(request)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		long start = System.nanoTime();
		String correlationId = null;
		if (this.correlationHeader != null) {
			String incoming = request.getHeader(this.correlationHeader);
			if (incoming != null) {
				correlationId = CorrelationIds.resolve(incoming, null);
				response.setHeader(this.correlationHeader, correlationId);
				MDC.put(LogFields.CORRELATION_ID, correlationId);
			}
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		int status = 500;
		try {
			status = serve(request, response, correlationId);
		}
		finally {
			if (correlationId != null) {
				MDC.remove(LogFields.CORRELATION_ID);
			}
			this.timers.computeIfAbsent(status, this::timer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	private int serve(HttpServletRequest request, HttpServletResponse response, String correlationId)
			throws IOException {
		try {
			checkContentType(request.getContentType());
			checkAccept(request.getHeader(HttpHeaders.ACCEPT));
			int accepted = this.receiver.receive(request.getHeader(HttpHeaders.AUTHORIZATION), request);
			byte[] count = Integer.toString(accepted).getBytes(StandardCharsets.US_ASCII);
			response.setStatus(202);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(ACCEPTED_PREFIX.length + count.length + 1);
			response.getOutputStream().write(ACCEPTED_PREFIX);
			response.getOutputStream().write(count);
			response.getOutputStream().write('}');
			return 202;
		}
		catch (IngestException ex) {
			return refuse(request, response, correlationId, ex);
		}
		catch (RuntimeException ex) {
			LOGGER.error("Telemetry request failed", ex);
			return refuse(request, response, correlationId, new IngestException(500, "Internal Server Error",
					"the request could not be processed", null, Map.of()));
		}
	}

	private int refuse(HttpServletRequest request, HttpServletResponse response, String correlationId,
			IngestException ex) throws IOException {
		if (response.isCommitted()) {
			throw new IOException("response already committed", ex);
		}
		if (correlationId == null && this.correlationHeader != null) {
			// A refusal is what someone may look up in the logs: give it an id.
			response.setHeader(this.correlationHeader, CorrelationIds.resolve(null, null));
		}
		IngestProblemHandler.headers(ex).forEach((name, values) -> response.setHeader(name, values.get(0)));
		if (ex.status() == 415) {
			response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		}
		byte[] body = this.problemMapper
			.writeValueAsBytes(IngestProblemHandler.problem(ex, URI.create(request.getRequestURI())));
		response.setStatus(ex.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		return ex.status();
	}

	// Exactly POST on the endpoint's path: no path parameters, no encoded characters.
	private static boolean isDirect(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return uri.length() == context.length() + PATH.length() && uri.startsWith(context) && uri.endsWith(PATH);
	}

	private static void checkContentType(String contentType) {
		MediaType type = null;
		if (contentType != null) {
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException ex) {
				// answered below
			}
		}
		if (type == null || !MediaType.APPLICATION_JSON.includes(type)) {
			throw new IngestException(415, "Unsupported Media Type",
					"Content-Type '" + contentType
							+ "' is not supported; send application/json (one event or an array of events)",
					null, Map.of());
		}
	}

	private static void checkAccept(String accept) {
		if (accept == null || accept.isEmpty() || "*/*".equals(accept)
				|| MediaType.APPLICATION_JSON_VALUE.equals(accept)) {
			return;
		}
		try {
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
					return;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// answered below
		}
		throw new IngestException(406, "Not Acceptable",
				"the answer is application/json; 'Accept: " + accept + "' excludes it", null, Map.of());
	}

	private Timer timer(int status) {
		return Timer.builder(TIMER)
			.description("POST /api/v1/telemetry requests served by the direct path, by status")
			.tag("status", Integer.toString(status))
			.register(this.meters);
	}

}
