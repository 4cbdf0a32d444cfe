package io.fleetgrid.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import tools.jackson.databind.JsonNode;

/**
 * Stands in for device-service in integration tests: a small loopback HTTP server
 * implementing only its credential-check contract
 * ({@code POST /internal/v1/credentials/verify} → 200 device or 401 problem+json). It is
 * not one of the infrastructure servers; device-service itself is built elsewhere.
 */
public final class DeviceServiceStandIn implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Device> devices = new ConcurrentHashMap<>();

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicInteger calls = new AtomicInteger();

	/**
	 * Starts the stand-in on a free loopback port.
	 * @throws IOException if it cannot bind
	 */
	public DeviceServiceStandIn() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/internal/v1/credentials/verify", this::verify);
		this.server.start();
	}

	/**
	 * Its base URL.
	 * @return for example {@code http://127.0.0.1:41234}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Registers or replaces a device.
	 * @param deviceId device
	 * @param token its token
	 * @param tenantId its tenant
	 * @param type its type
	 * @param active whether active
	 */
	public void put(String deviceId, String token, String tenantId, DeviceType type, boolean active) {
		this.devices.put(deviceId, new Device(token, tenantId, type, active));
	}

	/**
	 * Makes every call fail with 500 (or work again).
	 * @param down whether device-service is "down"
	 */
	public void down(boolean down) {
		this.down.set(down);
	}

	/**
	 * How many verification calls arrived.
	 * @return the count
	 */
	public int calls() {
		return this.calls.get();
	}

	private void verify(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		try (exchange; InputStream in = exchange.getRequestBody()) {
			if (this.down.get()) {
				send(exchange, 500, "application/problem+json", "{\"status\":500,\"title\":\"Internal Server Error\"}");
				return;
			}
			JsonNode body = JsonSerdes.mapper().readTree(in.readAllBytes());
			String deviceId = body.path("deviceId").asString();
			Device device = this.devices.get(deviceId);
			if (device == null || !device.token().equals(body.path("token").asString())) {
				send(exchange, 401, "application/problem+json",
						"{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"unknown device or wrong token\"}");
				return;
			}
			send(exchange, 200, "application/json", "{\"deviceId\":\"" + deviceId + "\",\"tenantId\":\""
					+ device.tenantId() + "\",\"type\":\"" + device.type() + "\",\"active\":" + device.active() + "}");
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Device(String token, String tenantId, DeviceType type, boolean active) {

	}

}
