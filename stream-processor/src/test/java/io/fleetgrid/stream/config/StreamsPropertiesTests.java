package io.fleetgrid.stream.config;

import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsPropertiesTests {

	@Test
	void recordCacheDefaultsTo64MegabytesAndIsSetOnKafkaStreams() {
		Map<String, Object> props = StreamsConfiguration.properties("localhost:9092", StreamSettings.defaults());

		assertThat(props).containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
	}

	@Test
	void recordCacheBindsFromTheApplicationProperties() {
		StreamSettings settings = new Binder(
				new MapConfigurationPropertySource(Map.of("fleetgrid.stream.record-cache", "16MB")))
			.bind("fleetgrid.stream", Bindable.of(StreamSettings.class))
			.get();

		assertThat(StreamsConfiguration.properties("localhost:9092", settings))
			.containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
	}

}
