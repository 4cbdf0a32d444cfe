package io.fleetgrid.stream.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TelemetryReaderTests {

	@Test
	void readsUtcInstantsLikeInstantParse() {
		for (String text : List.of("2026-06-21T10:00:00Z", "2026-06-21T10:00:00.1Z", "2026-06-21T10:00:00.123Z",
				"2026-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
				"2024-02-29T12:34:56.000123Z", "0001-01-01T00:00:00Z")) {
			assertThat(TelemetryReader.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
		}
	}

	@Test
	void leavesEveryOtherFormToJackson() {
		for (String text : List.of("2026-06-21T10:00:00+02:00", "2026-06-21T10:00Z", "2026-06-21 10:00:00Z",
				"2026-06-21T10:00:00.Z", "2026-06-21T10:00:00.1234567890Z", "2026-02-30T10:00:00Z",
				"2026-06-21T24:00:00Z", "2026-06-21T10:00:60Z", "2026-06-21t10:00:00z", "+12026-06-21T10:00:00Z",
				"2026-6-21T10:00:00.0Z")) {
			assertThat(TelemetryReader.parseUtc(text)).as(text).isNull();
		}
	}

	@Test
	void readsWhatTheContractsReaderReadsAndRejectsWhatItRejects() {
		for (String ts : List.of("2026-06-21T10:00:00.123Z", "2026-06-21T12:00:00.5+02:00", "2026-06-21T10:00:00Z")) {
			byte[] json = ("{\"deviceId\":\"d\",\"tenantId\":\"t\",\"deviceType\":\"VEHICLE\",\"ts\":\"" + ts
					+ "\",\"seq\":3,\"receivedAt\":\"2026-06-21T10:00:01Z\",\"metrics\":{\"speedKph\":50}}")
				.getBytes(StandardCharsets.UTF_8);
			TelemetryEvent expected = JsonSerdes.valueDeserializer(Topics.TELEMETRY)
				.deserialize(Topics.TELEMETRY.name(), json);
			assertThat(TelemetryReader.deserializer().deserialize(Topics.TELEMETRY.name(), json)).as(ts)
				.isEqualTo(expected);
		}
		byte[] invalid = ("{\"deviceId\":\"d\",\"tenantId\":\"t\",\"deviceType\":\"VEHICLE\","
				+ "\"ts\":\"2026-02-30T10:00:00Z\",\"receivedAt\":\"2026-06-21T10:00:01Z\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(
				() -> JsonSerdes.valueDeserializer(Topics.TELEMETRY).deserialize(Topics.TELEMETRY.name(), invalid));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> TelemetryReader.deserializer().deserialize(Topics.TELEMETRY.name(), invalid));
	}

}
