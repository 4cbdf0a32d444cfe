package io.fleetgrid.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.event.TenantSnapshot.Status;
import io.fleetgrid.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Suspending a tenant (no more tokens, snapshot on {@code fleetgrid.tenants.v1}) and the
 * signing keys across restarts and rotations.
 */
class TenantAndKeyIntegrationTests extends AuthIntegrationTestSupport {

	@Test
	void suspendedTenantsClientGetsNoTokenAndTheSuspensionIsPublished() {
		NewTenant tenant = createTenant("suspend");
		assertThat(tokenResponse(tenant.adminClientId(), tenant.adminSecret()).statusCode()).isEqualTo(200);
		String operator = token(OPERATOR_CLIENT, OPERATOR_SECRET);

		HttpResponse<String> suspended = call("PATCH", "/api/v1/tenants/" + tenant.id(), operator,
				"{\"status\":\"SUSPENDED\"}");

		assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(suspended.body(), "$.status")).isEqualTo("SUSPENDED");
		assertThat(tokenResponse(tenant.adminClientId(), tenant.adminSecret()).statusCode()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(records(Topics.TENANTS, tenant.id())).extracting(TenantSnapshot::status)
				.containsSubsequence(Status.ACTIVE, Status.SUSPENDED));

		call("PATCH", "/api/v1/tenants/" + tenant.id(), operator, "{\"status\":\"ACTIVE\"}");
		assertThat(tokenResponse(tenant.adminClientId(), tenant.adminSecret()).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenSignedBeforeARestartAndARotationStillValidates() {
		String issuedBeforeRestart;
		try (ConfigurableApplicationContext first = startAnotherInstance()) {
			issuedBeforeRestart = tokenFrom(port(first));
		}
		try (ConfigurableApplicationContext second = startAnotherInstance()) {
			assertThat(call(port(second), issuedBeforeRestart).statusCode()).isEqualTo(200);
		}

		String operator = token(OPERATOR_CLIENT, OPERATOR_SECRET);
		HttpResponse<String> rotated = call("POST", "/api/v1/keys/rotate", operator, null);
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String active = JsonPath.read(rotated.body(), "$.active");
		String issuedAfterRotation = token(ADMIN_CLIENT, ADMIN_SECRET);

		assertThat(keyId(issuedAfterRotation)).isEqualTo(active);
		assertThat(keyId(issuedBeforeRestart)).isNotEqualTo(active);
		assertThat(call(this.port, issuedBeforeRestart).statusCode()).isEqualTo(200);
		assertThat(call(this.port, issuedAfterRotation).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/oauth2/jwks", null, null).body()).contains(active)
			.contains(keyId(issuedBeforeRestart));
	}

	private HttpResponse<String> call(int port, String token) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
			.header("Authorization", "Bearer " + token)
			.build());
	}

	private String tokenFrom(int port) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
					.header("Authorization", basic(ADMIN_CLIENT, ADMIN_SECRET))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

	private static ConfigurableApplicationContext startAnotherInstance() {
		// Command-line arguments: they win over application.yml, unlike default
		// properties.
		return new SpringApplicationBuilder(AuthServiceApplication.class).profiles("test")
			.run("--server.port=0", "--" + BOOTSTRAP, "--fleetgrid.auth.bootstrap.demo-password=" + DEMO_PASSWORD,
					"--fleetgrid.auth.bootstrap.admin-client-id=" + ADMIN_CLIENT,
					"--fleetgrid.auth.bootstrap.admin-client-secret=" + ADMIN_SECRET,
					"--fleetgrid.auth.bootstrap.operator-client-id=" + OPERATOR_CLIENT,
					"--fleetgrid.auth.bootstrap.operator-client-secret=" + OPERATOR_SECRET,
					"--spring.jmx.enabled=false");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static String keyId(String jwt) {
		String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
		return JsonPath.read(header, "$.kid");
	}

}
