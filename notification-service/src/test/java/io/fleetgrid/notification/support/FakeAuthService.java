package io.fleetgrid.notification.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.fleetgrid.contracts.serde.JsonSerdes;

/**
 * A small local HTTP server that stands in for auth-service's {@code GET
 * /internal/v1/tenants/{tenantId}/users} (the contract the lead implements in
 * auth-service) and device-service's {@code POST /internal/v1/alerts/{id}/ack}. It is a
 * real HTTP server on a loopback port, reached through the real Feign clients.
 */
public final class FakeAuthService implements AutoCloseable {

	private static final Pattern USERS = Pattern.compile("/internal/v1/tenants/([^/]+)/users");

	private static final Pattern ACK = Pattern.compile("/internal/v1/alerts/([^/]+)/ack");

	private final HttpServer server;

	private final Map<String, List<Map<String, Object>>> users = new ConcurrentHashMap<>();

	private final List<String> acks = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private FakeAuthService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts the server.
	 * @return it
	 */
	public static FakeAuthService start() {
		try {
			return new FakeAuthService();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Base URL.
	 * @return {@code http://127.0.0.1:port}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Adds a user to a tenant.
	 * @param tenantId tenant
	 * @param id user id
	 * @param email address
	 * @param role role
	 * @param timeZone IANA zone or null
	 */
	public void addUser(String tenantId, String id, String email, String role, String timeZone) {
		Map<String, Object> user = new java.util.LinkedHashMap<>();
		user.put("id", id);
		user.put("email", email);
		user.put("name", id);
		user.put("role", role);
		user.put("enabled", true);
		user.put("timeZone", timeZone);
		this.users.computeIfAbsent(tenantId, (t) -> new CopyOnWriteArrayList<>()).add(user);
	}

	/**
	 * Makes every request fail with 503 (or work again).
	 * @param down whether the service is down
	 */
	public void setDown(boolean down) {
		this.down = down;
	}

	/**
	 * The acknowledgements device-service received: {@code tenant/user/alertId}.
	 * @return them
	 */
	public List<String> acks() {
		return this.acks;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			if (this.down) {
				respond(exchange, 503, "{}");
				return;
			}
			Matcher users = USERS.matcher(path);
			Matcher ack = ACK.matcher(path);
			if (users.matches() && "GET".equals(exchange.getRequestMethod())) {
				respond(exchange, 200,
						JsonSerdes.mapper().writeValueAsString(this.users.getOrDefault(users.group(1), List.of())));
			}
			else if (ack.matches() && "POST".equals(exchange.getRequestMethod())) {
				this.acks.add(exchange.getRequestHeaders().getFirst("X-FleetGrid-Tenant") + "/"
						+ exchange.getRequestHeaders().getFirst("X-FleetGrid-On-Behalf-Of") + "/" + ack.group(1)
						+ ((auth != null) ? "" : ""));
				respond(exchange, 200, "{}");
			}
			else {
				respond(exchange, 404, "{}");
			}
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
