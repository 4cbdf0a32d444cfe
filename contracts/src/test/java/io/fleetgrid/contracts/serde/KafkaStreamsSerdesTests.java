package io.fleetgrid.contracts.serde;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.SampleEvents;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.topic.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serdes in a real Kafka Streams topology: telemetry in, a state store, alerts out.
 */
class KafkaStreamsSerdesTests {

	@Test
	void streamsTelemetryToAlertsThroughAStateStore() {
		Serde<String> keys = JsonSerdes.keySerde(Topics.TELEMETRY);
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(Topics.TELEMETRY.name(), Consumed.with(keys, JsonSerdes.valueSerde(Topics.TELEMETRY)))
			.groupByKey()
			.reduce((previous, latest) -> latest,
					Materialized.<String, TelemetryEvent, KeyValueStore<Bytes, byte[]>>as("latest-telemetry")
						.withKeySerde(keys)
						.withValueSerde(JsonSerdes.valueSerde(Topics.TELEMETRY)))
			.toStream()
			.mapValues(KafkaStreamsSerdesTests::overspeed)
			.to(Topics.ALERTS.name(), Produced.with(keys, JsonSerdes.valueSerde(Topics.ALERTS)));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "contracts-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
			TestInputTopic<String, TelemetryEvent> telemetry = driver.createInputTopic(Topics.TELEMETRY.name(),
					JsonSerdes.keySerializer(Topics.TELEMETRY), JsonSerdes.valueSerializer(Topics.TELEMETRY));
			TestOutputTopic<String, AlertEvent> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
					JsonSerdes.keyDeserializer(Topics.ALERTS), JsonSerdes.valueDeserializer(Topics.ALERTS));
			RecordHeaders headers = new RecordHeaders();
			headers.add("traceparent",
					"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
			TelemetryEvent event = SampleEvents.telemetry();
			telemetry.pipeInput(new TestRecord<>("veh-0001", event, headers, SampleEvents.TS));

			TestRecord<String, AlertEvent> alert = alerts.readRecord();
			assertThat(alert.value().type()).isEqualTo(AlertType.OVERSPEED);
			assertThat(alert.value().details()).containsEntry("speedKph", 87.5);
			assertThat(alert.headers().headers(EventHeaders.TYPE)).singleElement()
				.extracting(Header::value)
				.isEqualTo("fleetgrid.alert".getBytes(StandardCharsets.UTF_8));
			assertThat(alert.headers().headers(EventHeaders.SCHEMA_VERSION)).hasSize(1);
			assertThat(alert.headers().lastHeader("traceparent")).isNotNull();

			KeyValueStore<String, TelemetryEvent> store = driver.getKeyValueStore("latest-telemetry");
			assertThat(store.get("veh-0001")).isEqualTo(event);
		}
	}

	private static AlertEvent overspeed(TelemetryEvent event) {
		return new AlertEvent("al-" + event.seq(), event.tenantId(), event.deviceId(), null, AlertType.OVERSPEED,
				AlertEvent.Severity.WARNING, AlertEvent.Status.RAISED, null, event.ts(), null, event.ts(), 1, null,
				Map.of("speedKph", event.number("speedKph").orElse(0)), null);
	}

}
