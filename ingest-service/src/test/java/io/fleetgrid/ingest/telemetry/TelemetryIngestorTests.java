package io.fleetgrid.ingest.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.telemetry.TelemetryValidator;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.ingest.device.VerifiedDevice;
import io.fleetgrid.ingest.problem.IngestException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TelemetryIngestorTests {

	private static final VerifiedDevice DEVICE = new VerifiedDevice("veh-1", "tenant-1", DeviceType.VEHICLE, true);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	// Kafka's own in-memory producer stands in for the broker here (a unit test); the
	// integration tests run against the real one.
	private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
			new ByteArraySerializer());

	// A device may send 2 events at once, then 1 per second.
	private final TelemetryIngestor ingestor = new TelemetryIngestor(new TelemetryValidator(Clock.systemUTC()),
			new DuplicateFilter(100, Duration.ofMinutes(1)), new RateLimiter(properties(), this.now::get),
			new TelemetryPublisher(this.producer), properties(), Clock.systemUTC());

	@Test
	void anInvalidBodyIsChargedToTheDeviceSoAFloodOfThemGets429InsteadOfFillingTheDeadLetterTopic() {
		byte[] broken = "{\"ts\": ".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(IngestException.class).isThrownBy(() -> this.ingestor.ingest(DEVICE, broken))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
		}
		assertThatExceptionOfType(IngestException.class).isThrownBy(() -> this.ingestor.ingest(DEVICE, broken))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
		assertThat(this.producer.history()).hasSize(2)
			.allSatisfy((record) -> assertThat(record.topic()).isEqualTo(Topics.TELEMETRY_DLT.name()));
	}

	@Test
	void acceptedEventsAreWrittenOnceTheProducerAcknowledgedThem() {
		String event = "{\"ts\":\"" + Instant.now() + "\",\"seq\":1,\"metrics\":{\"speedKph\":50}}";
		assertThat(this.ingestor.ingest(DEVICE, event.getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(this.producer.history()).singleElement()
			.satisfies((record) -> assertThat(record.topic()).isEqualTo(Topics.TELEMETRY.name()))
			.satisfies((record) -> assertThat(record.key()).isEqualTo("veh-1"));
	}

	private static TelemetryProperties properties() {
		return new TelemetryProperties(100, Duration.ofMinutes(1), 1, 2, 1000, 1000, 1000, Duration.ofSeconds(5),
				Duration.ofSeconds(5));
	}

}
