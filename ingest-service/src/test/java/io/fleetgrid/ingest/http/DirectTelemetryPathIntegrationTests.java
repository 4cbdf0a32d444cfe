package io.fleetgrid.ingest.http;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/telemetry} served by {@link DirectTelemetryFilter} (the default):
 * the endpoint's contract, plus what the filter does itself.
 */
class DirectTelemetryPathIntegrationTests extends TelemetryEndpointContract {

	private final MeterRegistry meters;

	DirectTelemetryPathIntegrationTests(@Autowired MeterRegistry meters) {
		this.meters = meters;
	}

	@Test
	void echoesAWellFormedCorrelationIdAndRecordsTheRequestTimerByStatus() {
		String device = newVehicle("tenant-c");
		double before = count("202");

		HttpResponse<String> response = send(
				request(device, "token-" + device).header("Content-Type", "application/json")
					.header("X-Correlation-Id", "device-req-42"),
				batch(1));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("device-req-42");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		// The timer is recorded once the answer is written, so possibly after the client
		// has it.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count("202")).isEqualTo(before + 1));
	}

	@Test
	void recordsRefusalsUnderTheirStatus() {
		double before = count("401");

		send(request("veh-unknown", "whatever").header("Content-Type", "application/json"), batch(1));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count("401")).isEqualTo(before + 1));
	}

	private double count(String status) {
		Timer timer = this.meters.find(DirectTelemetryFilter.TIMER).tag("status", status).timer();
		return (timer != null) ? timer.count() : 0;
	}

}
