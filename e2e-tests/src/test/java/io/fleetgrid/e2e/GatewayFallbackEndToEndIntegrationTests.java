package io.fleetgrid.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a service stopped, a caller of its route gets a problem+json 503 within the
 * route's timeout from the gateway, and the route works again once the service is back.
 */
class GatewayFallbackEndToEndIntegrationTests {

	/**
	 * The gateway's default route timeout (5 s) plus scheduling slack on a busy machine.
	 */
	private static final Duration BOUND = Duration.ofSeconds(8);

	private final FleetGridProcesses fleetgrid = FleetGridProcesses.get();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void stoppedServiceAnswersProblem503WithinTheTimeoutAndRecovers() throws Exception {
		String token = this.fleetgrid.adminToken();
		assertThat(devices(token).statusCode()).isEqualTo(200);

		this.fleetgrid.stop("device-service");
		try {
			long started = System.nanoTime();
			HttpResponse<String> response = devices(token);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.headers().firstValue("Retry-After")).isPresent();
			assertThat(elapsed).isLessThan(BOUND);
		}
		finally {
			this.fleetgrid.restart("device-service", "/v3/api-docs/device-service");
		}
		assertThat(devices(token).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> devices(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.fleetgrid.gateway() + "/api/v1/devices"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
