package io.fleetgrid.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.gateway.routing.FleetGridService;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port in front of one real HTTP backend per service and a real
 * (small) OIDC issuer, all started once per test JVM. Every test class extending this one
 * shares the same Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class GatewayTestSupport {

	static final FakeIssuer ISSUER = FakeIssuer.start();

	static final String ALLOWED_ORIGIN = "https://portal.example.com";

	static final Map<String, RecordingBackend> BACKENDS = new LinkedHashMap<>();

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	static {
		Arrays.stream(FleetGridService.values())
			.forEach((service) -> BACKENDS.put(service.id(), RecordingBackend.start(service.id())));
	}

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void registerBackends(DynamicPropertyRegistry registry) {
		BACKENDS.forEach((id, backend) -> registry
			.add("spring.cloud.discovery.client.simple.instances." + id + "[0].uri", backend::uri));
		registry.add("fleetgrid.gateway.portal.issuer-uri", ISSUER::uri);
		registry.add("fleetgrid.gateway.portal.client-secret", () -> FakeIssuer.PORTAL_CLIENT_SECRET);
		registry.add("fleetgrid.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
	}

	/** A valid token of a new API client (its own rate-limit bucket) of tenant demo. */
	static String token() {
		return ISSUER.bearer("client-" + CLIENTS.incrementAndGet(), "demo", "ADMIN");
	}

	HttpRequest.Builder request(String method, String path) {
		HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
				? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, body)
			.header("Content-Type", "application/json");
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends with a valid bearer token. */
	HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return send(request(method, path).header("Authorization", token()));
	}

	static DocumentContext json(HttpResponse<String> response) {
		return JsonPath.parse(response.body());
	}

	static void assertProblem(HttpResponse<String> response, int status, String path) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		DocumentContext json = json(response);
		assertThat(json.read("$.status", Integer.class)).isEqualTo(status);
		assertThat(json.read("$.instance", String.class)).isEqualTo(path);
		assertThat(json.read("$.title", String.class)).isNotBlank();
		assertThat(response.headers().firstValue("X-Trace-Id")).isPresent();
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

}
