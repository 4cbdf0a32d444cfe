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

	@Test
	void commitIntervalDefaultsTo50MillisecondsWithExactlyOnceAndOneSecondWithAtLeastOnce() {
		assertThat(StreamsConfiguration.properties("localhost:9092", bind(Map.of())))
			.containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50L);
		assertThat(StreamsConfiguration.properties("localhost:9092",
				bind(Map.of("fleetgrid.stream.processing-guarantee", "at_least_once"))))
			.containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000L);
	}

	@Test
	void aConfiguredCommitIntervalHoldsForEitherGuarantee() {
		for (String guarantee : new String[] { "exactly_once_v2", "at_least_once" }) {
			assertThat(
					StreamsConfiguration.properties("localhost:9092",
							bind(Map.of("fleetgrid.stream.processing-guarantee", guarantee,
									"fleetgrid.stream.commit-interval", "200ms"))))
				.as(guarantee)
				.containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200L);
		}
	}

	@Test
	void everythingProducedIsCompressedWithLz4UnlessConfiguredOtherwise() {
		assertThat(StreamsConfiguration.properties("localhost:9092", bind(Map.of())))
			.containsEntry(StreamsConfig.producerPrefix("compression.type"), "lz4");
		assertThat(StreamsConfiguration.properties("localhost:9092",
				bind(Map.of("fleetgrid.stream.producer-compression", "zstd"))))
			.containsEntry(StreamsConfig.producerPrefix("compression.type"), "zstd");
	}

	private static StreamSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("fleetgrid.stream", Bindable.of(StreamSettings.class))
			.orElseGet(StreamSettings::defaults);
	}

}
