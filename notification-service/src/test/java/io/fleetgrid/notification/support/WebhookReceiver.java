package io.fleetgrid.notification.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.fleetgrid.notification.webhook.WebhookSignature;

/**
 * A real local HTTP server receiving webhooks. Each path is an endpoint; an endpoint may
 * answer 500 a number of times before it answers 200. Every request is recorded with
 * whether its signature verified against the endpoint's secret.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Clock clock;

	private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

	private WebhookReceiver(Clock clock) throws IOException {
		this.clock = clock;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts the receiver.
	 * @param clock the clock signatures are checked against
	 * @return it
	 */
	public static WebhookReceiver start(Clock clock) {
		try {
			return new WebhookReceiver(clock);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Declares an endpoint.
	 * @param path path
	 * @param failuresFirst how many requests get 500 before the first 200
	 * @return its URL
	 */
	public String endpoint(String path, int failuresFirst) {
		this.endpoints.put(path, new Endpoint(new AtomicInteger(failuresFirst), new CopyOnWriteArrayList<>()));
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/**
	 * Sets the secret an endpoint verifies with.
	 * @param path path
	 * @param secret the secret shown at registration
	 */
	public void secret(String path, String secret) {
		this.endpoints.get(path).secret = secret;
	}

	/**
	 * Makes an endpoint answer 200 from now on.
	 * @param path path
	 */
	public void recover(String path) {
		this.endpoints.get(path).failuresLeft.set(0);
	}

	/**
	 * The requests an endpoint received.
	 * @param path path
	 * @return them
	 */
	public List<Request> requests(String path) {
		return this.endpoints.get(path).requests;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Endpoint endpoint = this.endpoints.get(exchange.getRequestURI().getPath());
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (endpoint == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
			boolean valid = signature != null && endpoint.secret != null && WebhookSignature.verify(endpoint.secret,
					signature, body, this.clock.instant().getEpochSecond(), 300);
			int status = (endpoint.failuresLeft.getAndDecrement() > 0) ? 500 : 200;
			endpoint.requests.add(new Request(new String(body, java.nio.charset.StandardCharsets.UTF_8), valid, status,
					exchange.getRequestHeaders().getFirst("X-FleetGrid-Delivery")));
			exchange.sendResponseHeaders(status, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A received request.
	 *
	 * @param body body
	 * @param signatureValid whether the signature verified
	 * @param status what the receiver answered
	 * @param deliveryId the {@code X-FleetGrid-Delivery} header
	 */
	public record Request(String body, boolean signatureValid, int status, String deliveryId) {
	}

	private static final class Endpoint {

		private final AtomicInteger failuresLeft;

		private final List<Request> requests;

		private volatile String secret;

		private Endpoint(AtomicInteger failuresLeft, List<Request> requests) {
			this.failuresLeft = failuresLeft;
			this.requests = requests;
		}

	}

}
