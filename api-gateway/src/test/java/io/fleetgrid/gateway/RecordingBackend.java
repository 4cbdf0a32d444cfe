package io.fleetgrid.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one FleetGrid service: it answers every request with
 * JSON naming the service, and the method, path, query, {@code traceparent} and
 * {@code X-Forwarded-Host} it received, with the {@code X-Trace-Id} header a FleetGrid
 * service sets.
 */
final class RecordingBackend implements AutoCloseable {

	private final String serviceId;

	private final HttpServer server;

	private RecordingBackend(String serviceId) throws IOException {
		this.serviceId = serviceId;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	static RecordingBackend start(String serviceId) {
		try {
			return new RecordingBackend(serviceId);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start backend for " + serviceId, ex);
		}
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String query = exchange.getRequestURI().getRawQuery();
		String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
		String forwardedHost = exchange.getRequestHeaders().getFirst("X-Forwarded-Host");
		String json = ("{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"query\":%s,\"traceparent\":%s,"
				+ "\"forwardedHost\":%s}")
			.formatted(this.serviceId, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					quoted(query), quoted(traceparent), quoted(forwardedHost));
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		if (traceparent != null) {
			// Like a FleetGrid service: the trace id it continued, echoed on the
			// response.
			exchange.getResponseHeaders().set("X-Trace-Id", traceparent.split("-")[1]);
		}
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
