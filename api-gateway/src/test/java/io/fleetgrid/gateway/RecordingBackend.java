package io.fleetgrid.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one FleetGrid service: it answers every request with
 * JSON naming the service, and the method, path, query, body size and the headers it
 * received ({@code traceparent}, {@code X-Forwarded-Host}, {@code Authorization},
 * {@code X-Request-Id}, {@code Cookie}), with the {@code X-Trace-Id} header a FleetGrid
 * service sets. A hanging backend accepts requests and never answers.
 */
final class RecordingBackend implements AutoCloseable {

	private final String serviceId;

	private final HttpServer server;

	private final boolean hanging;

	private final CountDownLatch closed = new CountDownLatch(1);

	private RecordingBackend(String serviceId, boolean hanging) throws IOException {
		this.serviceId = serviceId;
		this.hanging = hanging;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	static RecordingBackend start(String serviceId) {
		return create(serviceId, false);
	}

	static RecordingBackend hanging(String serviceId) {
		return create(serviceId, true);
	}

	private static RecordingBackend create(String serviceId, boolean hanging) {
		try {
			return new RecordingBackend(serviceId, hanging);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start backend for " + serviceId, ex);
		}
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		int bodySize = exchange.getRequestBody().readAllBytes().length;
		if (this.hanging) {
			try {
				this.closed.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		String query = exchange.getRequestURI().getRawQuery();
		String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
		String json = ("{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"query\":%s,\"traceparent\":%s,"
				+ "\"forwardedHost\":%s,\"authorization\":%s,\"requestId\":%s,\"cookie\":%s,\"bodySize\":%d}")
			.formatted(this.serviceId, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					quoted(query), quoted(traceparent),
					quoted(exchange.getRequestHeaders().getFirst("X-Forwarded-Host")),
					quoted(exchange.getRequestHeaders().getFirst("Authorization")),
					quoted(exchange.getRequestHeaders().getFirst("X-Request-Id")),
					quoted(exchange.getRequestHeaders().getFirst("Cookie")), bodySize);
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
		return (value != null) ? "\"" + value.replace("\"", "\\\"") + "\"" : "null";
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
	}

}
