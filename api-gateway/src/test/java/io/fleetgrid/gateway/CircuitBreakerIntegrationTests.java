package io.fleetgrid.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that hangs, refuses connections or has no instance is answered with 503
 * problem+json and {@code Retry-After} within the route's timeout; repeated failures open
 * the route's circuit, which then answers at once.
 */
class CircuitBreakerIntegrationTests extends EdgeProtectionTestSupport {

	@Test
	void hangingServiceIsAnsweredWithServiceUnavailableWithinTheTimeout() throws Exception {
		// Warm up (first token: the issuer's keys are fetched) so only the route is
		// timed.
		send(request("GET", "/api/v1/logs/search", newIp()).header("Authorization",
				ISSUER.bearer("client-cb-warm", "demo", "ADMIN")));
		long started = System.nanoTime();

		HttpResponse<String> response = send(request("GET", "/api/v1/devices", newIp()).header("Authorization",
				ISSUER.bearer("client-cb-1", "demo", "ADMIN")));

		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertUnavailable(response, "/api/v1/devices", "7");
		assertThat(GatewayTestSupport.json(response).read("$.detail", String.class)).contains("1000 ms");
		assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(2));
	}

	@Test
	void serviceWithoutInstancesIsAnsweredWithServiceUnavailable() throws Exception {
		HttpResponse<String> response = send(request("GET", "/api/v1/devices/d-1/state", newIp())
			.header("Authorization", ISSUER.bearer("client-cb-2", "demo", "ADMIN")));

		assertUnavailable(response, "/api/v1/devices/d-1/state", "7");
	}

	@Test
	void stoppedServiceOpensTheCircuitWhichThenAnswersAtOnce() throws Exception {
		String ip = newIp();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> refused = send(request("GET", "/api/v1/subscriptions", ip).header("Authorization",
					ISSUER.bearer("client-cb-3-" + i, "demo", "ADMIN")));
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		}
		long started = System.nanoTime();

		HttpResponse<String> response = send(request("GET", "/api/v1/notifications", ip).header("Authorization",
				ISSUER.bearer("client-cb-4", "demo", "ADMIN")));

		assertUnavailable(response, "/api/v1/notifications", "30");
		assertThat(GatewayTestSupport.json(response).read("$.detail", String.class)).contains("not called");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
	}

	@Test
	void otherRoutesKeepWorkingWhileOneServiceIsDown() throws Exception {
		HttpResponse<String> response = send(request("GET", "/api/v1/logs/search", newIp()).header("Authorization",
				ISSUER.bearer("client-cb-5", "demo", "ADMIN")));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static void assertUnavailable(HttpResponse<String> response, String path, String retryAfter) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
		DocumentContext json = GatewayTestSupport.json(response);
		assertThat(json.read("$.status", Integer.class)).isEqualTo(503);
		assertThat(json.read("$.instance", String.class)).isEqualTo(path);
	}

}
