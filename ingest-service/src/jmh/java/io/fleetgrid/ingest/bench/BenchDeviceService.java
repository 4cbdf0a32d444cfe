package io.fleetgrid.ingest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetgrid.contracts.serde.JsonSerdes;
import tools.jackson.databind.JsonNode;

/**
 * Answers device-service's credential-check contract
 * ({@code POST /internal/v1/credentials/verify}) for the benchmark's devices, read from
 * the simulator's credentials file ({@code deviceId,token,type}), all in tenant
 * {@code bench-tenant}. {@code GET /calls} tells how many checks arrived: the benchmark
 * warms ingest's credential cache first, so during the measured phases this count must
 * not grow (the measured path is the cached one, as in a running system).
 * <p>
 * {@code BenchDeviceService <port> <devices.csv>}
 */
public final class BenchDeviceService {

	private final Map<String, String[]> devices = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	private BenchDeviceService(Path file) throws IOException {
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] fields = line.split(",");
				this.devices.put(fields[0].strip(), new String[] { fields[1].strip(), fields[2].strip() });
			}
		}
	}

	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static void main(String[] args) throws IOException {
		BenchDeviceService service = new BenchDeviceService(Path.of(args[1]));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
		server.createContext("/internal/v1/credentials/verify", service::verify);
		server.createContext("/calls", (exchange) -> send(exchange, 200, "text/plain", service.calls + "\n"));
		server.start();
		System.out.println("bench device-service on " + server.getAddress() + " with " + service.devices.size()
				+ " devices");
	}

	private void verify(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		try (InputStream in = exchange.getRequestBody()) {
			JsonNode body = JsonSerdes.mapper().readTree(in.readAllBytes());
			String deviceId = body.path("deviceId").asString();
			String[] device = this.devices.get(deviceId);
			if (device == null || !device[0].equals(body.path("token").asString())) {
				send(exchange, 401, "application/problem+json",
						"{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"unknown device or wrong token\"}");
				return;
			}
			send(exchange, 200, "application/json", "{\"deviceId\":\"" + deviceId
					+ "\",\"tenantId\":\"bench-tenant\",\"type\":\"" + device[1] + "\",\"active\":true}");
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
