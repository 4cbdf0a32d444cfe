package io.fleetgrid.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import io.fleetgrid.gateway.routing.FleetGridService;
import io.fleetgrid.gateway.routing.GatewayRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends requests through the real gateway (Netty, security, routing, load balancer,
 * discovery) to real HTTP backends registered with the simple discovery client, and
 * checks which service each request reached and what it received.
 */
class GatewayRoutingIntegrationTests extends GatewayTestSupport {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "GET, /api/v1/devices, device-service", "POST, /api/v1/devices, device-service",
			"GET, /api/v1/devices/d-42, device-service", "PATCH, /api/v1/devices/d-42, device-service",
			"DELETE, /api/v1/devices/d-42, device-service", "POST, /api/v1/devices/d-42/activate, device-service",
			"POST, /api/v1/devices/d-42/credentials, device-service",
			"GET, /api/v1/devices/d-42/telemetry, device-service", "GET, /api/v1/devices/d-42/trips, device-service",
			"GET, /api/v1/devices/d-42/alerts, device-service", "GET, /api/v1/devices/d-42/state, stream-processor",
			"GET, /api/v1/device-states, stream-processor", "GET, /api/v1/device-states/stream, stream-processor",
			"GET, /api/v1/groups, device-service", "PUT, /api/v1/groups/g-1/rules, device-service",
			"GET, /api/v1/geofences, device-service", "GET, /api/v1/geofences/f-9, device-service",
			"GET, /api/v1/alerts, device-service", "GET, /api/v1/alerts/a-17, device-service",
			"POST, /api/v1/alerts/a-17/ack, device-service", "GET, /api/v1/alerts/stream, notification-service",
			"GET, /api/v1/alerts/search, log-service", "GET, /api/v1/subscriptions, notification-service",
			"DELETE, /api/v1/subscriptions/s-3, notification-service", "POST, /api/v1/webhooks, notification-service",
			"GET, /api/v1/notifications, notification-service", "GET, /api/v1/logs/search, log-service",
			"GET, /api/v1/audit/search, log-service", "GET, /api/v1/users, auth-service",
			"GET, /api/v1/users/me, auth-service", "POST, /api/v1/clients, auth-service",
			"GET, /api/v1/tenants, auth-service", "PATCH, /api/v1/tenants/t-1, auth-service",
			"POST, /api/v1/tenants/t-1/keys, auth-service" })
	void routesPublicPathToTheOwningService(String method, String path, String service) throws Exception {
		HttpResponse<String> response = send(method, path);

		assertThat(response.statusCode()).isEqualTo(200);
		DocumentContext json = json(response);
		assertThat(json.read("$.service", String.class)).isEqualTo(service);
		assertThat(json.read("$.method", String.class)).isEqualTo(method);
		assertThat(json.read("$.path", String.class)).isEqualTo(path);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "POST, /oauth2/token, auth-service", "GET, /oauth2/jwks, auth-service",
			"GET, /.well-known/openid-configuration, auth-service",
			"GET, /.well-known/oauth-authorization-server, auth-service" })
	void routesTheAuthorizationServerEndpointsWithoutAToken(String method, String path, String service)
			throws Exception {
		HttpResponse<String> response = send(request(method, path).header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("client:secret".getBytes())));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).read("$.service", String.class)).isEqualTo(service);
		assertThat(json(response).read("$.authorization", String.class)).startsWith("Basic ");
	}

	@Test
	void serverSentEventRoutesHaveNoReadTimeout() {
		assertThat(GatewayRoutes.TABLE.stream()
			.filter((route) -> route.paths().stream().anyMatch((path) -> path.endsWith("/stream"))))
			.extracting(GatewayRoutes.ApiRoute::id)
			.containsExactlyInAnyOrder("alerts-stream", "device-states-stream");
		assertThat(GatewayRoutes.TABLE.stream().filter(GatewayRoutes.ApiRoute::streaming))
			.extracting(GatewayRoutes.ApiRoute::id)
			.containsExactlyInAnyOrder("alerts-stream", "device-states-stream");
	}

	@Test
	void everyServiceOwnsAtLeastOneRoute() {
		Set<FleetGridService> routed = GatewayRoutes.TABLE.stream()
			.map(GatewayRoutes.ApiRoute::service)
			.collect(Collectors.toSet());

		assertThat(routed).containsExactlyInAnyOrder(FleetGridService.values());
	}

	@Test
	void telemetryReachesIngestWithTheDevicesBasicCredentialsAndNoToken() throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString("truck-1:device-secret".getBytes());

		HttpResponse<String> response = send(request("POST", "/api/v1/telemetry").header("Authorization", basic));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).read("$.service", String.class)).isEqualTo("ingest-service");
		assertThat(json(response).read("$.authorization", String.class)).isEqualTo(basic);
	}

	@Test
	void passesTheCallersBearerTokenOnUnchanged() throws Exception {
		String token = token();

		HttpResponse<String> response = send(request("GET", "/api/v1/devices").header("Authorization", token));

		assertThat(json(response).read("$.authorization", String.class)).isEqualTo(token);
	}

	@Test
	void doesNotForwardTheCallersCookies() throws Exception {
		HttpResponse<String> response = send(
				request("GET", "/api/v1/devices").header("Authorization", token()).header("Cookie", "SESSION=abc"));

		assertThat(json(response).read("$.cookie", String.class)).isNull();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/internal/devices/d-1/credentials/check", "/internal/anything", "/api/v1/internal/devices" })
	void neverRoutesInternalPaths(String path) throws Exception {
		HttpResponse<String> withToken = send("GET", path);
		HttpResponse<String> withoutToken = send(request("POST", path));

		assertThat(withToken.statusCode()).isEqualTo(404);
		assertThat(withToken.body()).doesNotContain("\"service\"");
		assertThat(withoutToken.statusCode()).isIn(401, 404);
		assertThat(withoutToken.body()).doesNotContain("\"service\"");
	}

	@Test
	void refusesEncodedPathTraversalTowardsInternalPaths() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/devices/%2e%2e/%2e%2e/internal/x");

		assertThat(response.statusCode()).isIn(400, 404);
		assertThat(response.body()).doesNotContain("\"service\"");
	}

	@Test
	void keepsTheQueryString() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/alerts/search?q=overspeed&traceId=abc");

		assertThat(json(response).read("$.query", String.class)).isEqualTo("q=overspeed&traceId=abc");
	}

	@Test
	void tellsTheServiceUnderWhichHostItWasCalled() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/devices");

		assertThat(json(response).read("$.forwardedHost", String.class)).isEqualTo("localhost:" + this.port);
	}

	@Test
	void servesEachServicesOpenApiDocumentUnderItsIdWithoutAToken() throws Exception {
		HttpResponse<String> response = send(request("GET", "/v3/api-docs/device-service"));

		DocumentContext json = json(response);
		assertThat(json.read("$.service", String.class)).isEqualTo("device-service");
		assertThat(json.read("$.path", String.class)).isEqualTo("/v3/api-docs");
	}

	@Test
	void swaggerUiListsTheOpenApiDocumentOfEveryService() throws Exception {
		HttpResponse<String> response = send(request("GET", "/v3/api-docs/swagger-config"));

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> names = json(response).read("$.urls[*].name");
		List<String> urls = json(response).read("$.urls[*].url");
		assertThat(names).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(FleetGridService.values()).map(FleetGridService::id).toList());
		assertThat(urls).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(FleetGridService.values()).map(FleetGridService::apiDocsPath).toList());
	}

	@Test
	void swaggerUiPageIsPublic() throws Exception {
		HttpResponse<String> response = send(request("GET", "/swagger-ui.html"));

		assertThat(response.statusCode()).isIn(200, 302);
		if (response.statusCode() == 302) {
			assertThat(response.headers().firstValue("Location").orElseThrow()).contains("swagger-ui");
		}
	}

	@Test
	void keepsTheCallersTraceIdAcrossTheGateway() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpRequest.Builder request = request("GET", "/api/v1/devices").header("Authorization", token())
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		HttpResponse<String> response = send(request);

		String forwarded = json(response).read("$.traceparent", String.class);
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
		assertThat(json(response).read("$.traceparent", String.class)).startsWith("00-" + traceId + "-");
	}

	@Test
	void generatesARequestIdAndForwardsIt() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/devices");

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).matches("[0-9a-f-]{36}");
		assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
		assertThat(json(response).read("$.requestId", String.class)).isEqualTo(requestId);
	}

	@Test
	void keepsTheCallersRequestId() throws Exception {
		HttpResponse<String> response = send(
				request("GET", "/api/v1/devices").header("Authorization", token()).header("X-Request-Id", "job-42.7"));

		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("job-42.7");
		assertThat(json(response).read("$.requestId", String.class)).isEqualTo("job-42.7");
	}

	@Test
	void replacesAMalformedRequestId() throws Exception {
		HttpResponse<String> response = send(request("GET", "/api/v1/devices").header("Authorization", token())
			.header("X-Request-Id", "<script>alert(1)</script>"));

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).doesNotContain("<");
		assertThat(json(response).read("$.requestId", String.class)).isEqualTo(requestId);
	}

	@Test
	void answersAnUnknownPathWithNotFoundProblem() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/nothing-here");

		assertProblem(response, 404, "/api/v1/nothing-here");
	}

}
