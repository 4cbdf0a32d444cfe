package io.fleetgrid.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.gateway.routing.FleetGridService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends requests through the real gateway (Netty, routing, load balancer, discovery) to
 * real HTTP backends registered with the simple discovery client, and checks which
 * service each request reached.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayRoutingIntegrationTests {

	/** Every service has a backend except stream-processor, which is "down". */
	private static final Map<String, RecordingBackend> BACKENDS = new LinkedHashMap<>();

	static {
		Arrays.stream(FleetGridService.values())
			.filter((service) -> service != FleetGridService.STREAM)
			.forEach((service) -> BACKENDS.put(service.id(), RecordingBackend.start(service.id())));
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void registerBackends(DynamicPropertyRegistry registry) {
		BACKENDS.forEach((id, backend) -> registry
			.add("spring.cloud.discovery.client.simple.instances." + id + "[0].uri", backend::uri));
	}

	@AfterAll
	static void stopBackends() {
		BACKENDS.values().forEach(RecordingBackend::close);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "GET, /api/v1/devices, device-service", "POST, /api/v1/devices, device-service",
			"GET, /api/v1/devices/d-42/telemetry, device-service", "PATCH, /api/v1/devices/d-42, device-service",
			"GET, /api/v1/groups, device-service", "PUT, /api/v1/groups/g-1/rules, device-service",
			"GET, /api/v1/geofences/f-9, device-service", "GET, /api/v1/alerts, device-service",
			"GET, /api/v1/alerts/a-17, device-service", "POST, /api/v1/alerts/a-17/ack, device-service",
			"GET, /api/v1/alerts/stream, notification-service", "GET, /api/v1/alerts/search, log-service",
			"POST, /api/v1/telemetry, ingest-service", "GET, /api/v1/subscriptions, notification-service",
			"DELETE, /api/v1/subscriptions/s-3, notification-service", "POST, /api/v1/webhooks, notification-service",
			"GET, /api/v1/notifications, notification-service", "GET, /api/v1/logs/search, log-service",
			"GET, /api/v1/audit/search, log-service", "GET, /api/v1/users, auth-service",
			"POST, /api/v1/clients, auth-service", "PATCH, /api/v1/tenants/t-1, auth-service",
			"POST, /oauth2/token, auth-service", "GET, /.well-known/openid-configuration, auth-service",
			"GET, /login, auth-service", "GET, /userinfo, auth-service", "POST, /connect/logout, auth-service" })
	void routesPublicPathToTheOwningService(String method, String path, String service) throws Exception {
		HttpResponse<String> response = send(method, path);

		assertThat(response.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		assertThat(json.read("$.service", String.class)).isEqualTo(service);
		assertThat(json.read("$.method", String.class)).isEqualTo(method);
		assertThat(json.read("$.path", String.class)).isEqualTo(path);
	}

	@Test
	void keepsTheQueryString() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/alerts/search?q=overspeed&traceId=abc");

		assertThat(JsonPath.parse(response.body()).read("$.query", String.class)).isEqualTo("q=overspeed&traceId=abc");
	}

	@Test
	void tellsTheServiceUnderWhichHostItWasCalled() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/devices");

		assertThat(JsonPath.parse(response.body()).read("$.forwardedHost", String.class))
			.isEqualTo("localhost:" + this.port);
	}

	@Test
	void servesEachServicesOpenApiDocumentUnderItsId() throws Exception {
		HttpResponse<String> response = send("GET", "/v3/api-docs/device-service");

		DocumentContext json = JsonPath.parse(response.body());
		assertThat(json.read("$.service", String.class)).isEqualTo("device-service");
		assertThat(json.read("$.path", String.class)).isEqualTo("/v3/api-docs");
	}

	@Test
	void swaggerUiListsTheOpenApiDocumentOfEveryService() throws Exception {
		HttpResponse<String> response = send("GET", "/v3/api-docs/swagger-config");

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> names = JsonPath.parse(response.body()).read("$.urls[*].name");
		List<String> urls = JsonPath.parse(response.body()).read("$.urls[*].url");
		assertThat(names).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(FleetGridService.values()).map(FleetGridService::id).toList());
		assertThat(urls).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(FleetGridService.values()).map(FleetGridService::apiDocsPath).toList());
	}

	@Test
	void swaggerUiPageIsServed() throws Exception {
		HttpResponse<String> response = send("GET", "/swagger-ui.html");

		assertThat(response.statusCode()).isIn(200, 302);
	}

	@Test
	void keepsTheCallersTraceIdAcrossTheGateway() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpRequest request = request("GET", "/api/v1/devices")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		String forwarded = JsonPath.parse(response.body()).read("$.traceparent", String.class);
		assertThat(forwarded).as("traceparent received by the service")
			.matches("00-" + traceId + "-[0-9a-f]{16}-01")
			.doesNotContain("00f067aa0ba902b7");
		assertThat(response.headers().allValues("X-Trace-Id")).containsExactly(traceId);
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(traceId);
	}

	@Test
	void startsATraceForRequestsWithoutOne() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/devices");

		String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
		assertThat(JsonPath.parse(response.body()).read("$.traceparent", String.class))
			.startsWith("00-" + traceId + "-");
	}

	@Test
	void answersAnUnknownPathWithNotFoundProblem() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/nothing-here");

		assertProblem(response, 404, "/api/v1/nothing-here");
	}

	@Test
	void answersAServiceWithoutInstancesWithServiceUnavailableProblem() throws Exception {
		HttpResponse<String> response = send("GET", "/v3/api-docs/stream-processor");

		assertProblem(response, 503, "/v3/api-docs/stream-processor");
	}

	private void assertProblem(HttpResponse<String> response, int status, String path) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		DocumentContext json = JsonPath.parse(response.body());
		assertThat(json.read("$.status", Integer.class)).isEqualTo(status);
		assertThat(json.read("$.instance", String.class)).isEqualTo(path);
		assertThat(json.read("$.title", String.class)).isNotBlank();
		assertThat(response.headers().firstValue("X-Trace-Id")).isPresent();
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return this.http.send(request(method, path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String method, String path) {
		HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
				? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, body)
			.header("Content-Type", "application/json");
	}

}
