package io.fleetgrid.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with tight rate limits and a 1 s timeout on device-service's route (5 s on
 * the others, so a slow first request on a loaded machine does not fail), in front of
 * backends in every state: device-service hangs, notification-service's instance refuses
 * connections (nothing listens on its port), stream-processor has no instance, the others
 * answer. Requests name their client IP in {@code X-Forwarded-For} (one trusted proxy
 * hop), so each test has its own per-IP bucket. One Spring context for the test classes
 * extending this one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"fleetgrid.gateway.rate-limit.trusted-proxy-hops=1", "fleetgrid.gateway.rate-limit.per-ip.capacity=20",
		"fleetgrid.gateway.rate-limit.per-ip.period=1h", "fleetgrid.gateway.rate-limit.per-device.capacity=3",
		"fleetgrid.gateway.rate-limit.per-device.period=1h", "fleetgrid.gateway.rate-limit.per-client.capacity=3",
		"fleetgrid.gateway.rate-limit.per-client.period=1h", "fleetgrid.gateway.resilience.timeout=5s",
		"fleetgrid.gateway.resilience.route-timeouts.device-service=1s", "fleetgrid.gateway.resilience.retry-after=7s",
		"fleetgrid.gateway.resilience.sliding-window-size=4", "fleetgrid.gateway.resilience.minimum-number-of-calls=4",
		"fleetgrid.gateway.resilience.wait-in-open-state=30s" })
@ActiveProfiles("test")
abstract class EdgeProtectionTestSupport {

	static final FakeIssuer ISSUER = FakeIssuer.start();

	static final RecordingBackend HANGING_DEVICE_SERVICE = RecordingBackend.hanging("device-service");

	static final RecordingBackend INGEST = RecordingBackend.start("ingest-service");

	static final RecordingBackend AUTH = RecordingBackend.start("auth-service");

	static final RecordingBackend LOG = RecordingBackend.start("log-service");

	static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final AtomicInteger IPS = new AtomicInteger();

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void registerBackends(DynamicPropertyRegistry registry) {
		String prefix = "spring.cloud.discovery.client.simple.instances.";
		registry.add(prefix + "device-service[0].uri", HANGING_DEVICE_SERVICE::uri);
		registry.add(prefix + "ingest-service[0].uri", INGEST::uri);
		registry.add(prefix + "auth-service[0].uri", AUTH::uri);
		registry.add(prefix + "log-service[0].uri", LOG::uri);
		registry.add(prefix + "notification-service[0].uri", () -> "http://127.0.0.1:" + closedPort());
		registry.add("fleetgrid.gateway.portal.issuer-uri", ISSUER::uri);
	}

	/** A fresh client IP address (TEST-NET-2), so a test has its own per-IP bucket. */
	static String newIp() {
		int n = IPS.incrementAndGet();
		return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
	}

	HttpRequest.Builder request(String method, String path, String ip) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", ip);
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
