package io.fleetgrid.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over real HTTP: a flooded route gets 429 problem+json with
 * {@code Retry-After}; the per-device, per-client and per-IP buckets are independent.
 */
class RateLimitIntegrationTests extends EdgeProtectionTestSupport {

	@Test
	void floodedDeviceGetsTooManyRequestsWithRetryAfter() throws Exception {
		String ip = newIp();
		for (int i = 0; i < 3; i++) {
			assertThat(telemetry("truck-flood", ip).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = telemetry("truck-flood", ip);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(GatewayTestSupport.json(refused).read("$.status", Integer.class)).isEqualTo(429);
		assertThat(GatewayTestSupport.json(refused).read("$.detail", String.class)).contains("device");
		// 3 per hour: the next token comes after 20 minutes.
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1100L, 1200L);
	}

	@Test
	void devicesHaveIndependentBuckets() throws Exception {
		String ip = newIp();
		for (int i = 0; i < 4; i++) {
			telemetry("truck-a", ip);
		}

		assertThat(telemetry("truck-a", ip).statusCode()).isEqualTo(429);
		assertThat(telemetry("truck-b", ip).statusCode()).isEqualTo(200);
	}

	@Test
	void wrongTokensForADeviceIdDoNotDrainTheRealDevicesBucket() throws Exception {
		String attacker = newIp();
		for (int i = 0; i < 4; i++) {
			send(request("POST", "/api/v1/telemetry", attacker).header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("truck-d:guess".getBytes(StandardCharsets.UTF_8))));
		}

		assertThat(telemetry("truck-d", newIp()).statusCode()).isEqualTo(200);
	}

	@Test
	void clientsHaveIndependentBucketsAndDoNotShareThemWithDevices() throws Exception {
		String ip = newIp();
		String clientA = ISSUER.bearer("client-a", "demo", "ADMIN");
		for (int i = 0; i < 3; i++) {
			assertThat(users(clientA, ip).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = users(clientA, ip);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(users(ISSUER.bearer("client-b", "demo", "ADMIN"), ip).statusCode()).isEqualTo(200);
		assertThat(telemetry("truck-c", ip).statusCode()).isEqualTo(200);
	}

	@Test
	void floodedIpAddressIsLimitedWhateverTheCaller() throws Exception {
		String ip = newIp();
		for (int i = 0; i < 20; i++) {
			assertThat(send(request("GET", "/api/v1/logs/search", ip).header("Authorization",
					ISSUER.bearer("client-ip-" + i, "demo", "ADMIN")))
				.statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = send(request("GET", "/api/v1/logs/search", ip).header("Authorization",
				ISSUER.bearer("client-ip-new", "demo", "ADMIN")));
		HttpResponse<String> unauthenticated = send(request("GET", "/api/v1/logs/search", ip));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(GatewayTestSupport.json(refused).read("$.detail", String.class)).contains("IP");
		assertThat(unauthenticated.statusCode()).as("refused before authentication").isEqualTo(429);
		assertThat(send(request("GET", "/api/v1/logs/search", newIp()).header("Authorization",
				ISSUER.bearer("client-ip-new", "demo", "ADMIN")))
			.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> telemetry(String deviceId, String ip) throws Exception {
		return send(request("POST", "/api/v1/telemetry", ip).header("Authorization",
				GatewaySecurityIntegrationTests.basic(deviceId)));
	}

	private HttpResponse<String> users(String bearer, String ip) throws Exception {
		return send(request("GET", "/api/v1/users", ip).header("Authorization", bearer));
	}

}
