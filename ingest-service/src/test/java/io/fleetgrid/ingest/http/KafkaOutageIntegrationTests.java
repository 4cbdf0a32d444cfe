package io.fleetgrid.ingest.http;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.ingest.support.IngestIntegrationTestSupport;
import io.fleetgrid.testkit.Infra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the Kafka broker stopped, ingest answers 503 within a bounded time and nothing of
 * that request is written later; once the broker is back, requests are accepted again.
 */
class KafkaOutageIntegrationTests extends IngestIntegrationTestSupport {

	@Test
	void answers503WithinTheBoundWhileKafkaIsDownAndNothingOfItAppearsLater() throws Exception {
		String device = newVehicle("tenant-a");
		assertThat(post(device, batch(1)).statusCode()).isEqualTo(202);

		Infra.kafka().stop();
		HttpResponse<String> refused;
		Duration took;
		try {
			long started = System.nanoTime();
			refused = post(device, batch(2, 3));
			took = Duration.ofNanos(System.nanoTime() - started);
		}
		finally {
			Infra.kafka().restart();
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		// delivery.timeout.ms is 6 s (application.yml); the answer comes within the
		// publish timeout (10 s).
		assertThat(took).isLessThan(Duration.ofSeconds(12));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(post(device, batch(4)).statusCode()).isEqualTo(202));
		assertThat(readToEnd(Topics.TELEMETRY, device)).extracting((record) -> record.value().seq())
			.contains(1L, 4L)
			.doesNotContain(2L, 3L);
	}

}
